//! Sentence cases: what each construction reads, and what is never counted.

use super::Fatalities::{NotStated, Stated, Vague};
use super::*;

/// Checks every case and reports all failures at once.
fn check(cases: &[(&str, Fatalities)]) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|&(s, want)| {
            let got = stated_fatalities(s);
            (got != want).then(|| format!("{s:?}: got {got:?}, want {want:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn killing_verb_and_object() {
    check(&[
        (
            "An airstrike on the village killed at least eight people, local officials said.",
            Stated(8),
        ),
        (
            "Soldiers opened fire on the crowd and killed 12 civilians near the market.",
            Stated(12),
        ),
        (
            "Gunmen on motorbikes sprayed the bus with bullets and killed two.",
            Stated(2),
        ),
        (
            "Gunmen killed a police officer and two civilians at a checkpoint.",
            Stated(3),
        ),
        (
            "The airstrike killed the group's commander and two of his bodyguards.",
            Stated(3),
        ),
        (
            "An airstrike hit the house, killing her and her two children.",
            Stated(3),
        ),
        (
            "Israeli troops shot dead two Palestinians near the border fence.",
            Stated(2),
        ),
        (
            "Police killed the suspected gunman after a two-hour standoff.",
            Stated(1),
        ),
        (
            "Israeli strikes killed 3 Palestinians in Gaza on Sunday.",
            Stated(3),
        ),
        (
            "Militants have killed 12 soldiers in the region this month.",
            Stated(12),
        ),
        (
            "Police shot and killed two men who opened fire on a patrol.",
            Stated(2),
        ),
        (
            "Suicide bomber kills 12 at crowded market in Baghdad",
            Stated(12),
        ),
        (
            "The minister said the army killed two hundred and fifty people in the offensive.",
            Stated(250),
        ),
        (
            "Fighting killed nearly two dozen fighters on both sides, a monitoring group said.",
            Stated(24),
        ),
        (
            "The 1994 genocide killed 800,000 people in about 100 days.",
            Stated(800_000),
        ),
    ]);
}

#[test]
fn subject_and_death_predicate() {
    check(&[
        (
            "Police said 12 people were killed when the bus hit a roadside bomb.",
            Stated(12),
        ),
        (
            "Twelve soldiers died after militants stormed the army post overnight.",
            Stated(12),
        ),
        ("The car bomb left 5 dead outside the ministry.", Stated(5)),
        (
            "Witnesses saw five people dead in the street after the shelling.",
            Stated(5),
        ),
        (
            "Seven were killed when gunmen attacked the checkpoint.",
            Stated(7),
        ),
        (
            "Three killed as protesters clash with police in Nairobi",
            Stated(3),
        ),
        (
            "More than 10 people were killed in clashes between rival militias.",
            Stated(10),
        ),
        (
            "About 1,200 people have died in the conflict since January.",
            Stated(1200),
        ),
        (
            "Some 300 migrants drowned when their boat capsized off the coast.",
            Stated(300),
        ),
        (
            "Up to 40 villagers were massacred by the militia, survivors said.",
            Stated(40),
        ),
        (
            "As many as a hundred people may have been killed in the bombardment.",
            Stated(100),
        ),
        (
            "A dozen police officers were killed in the attack on the station.",
            Stated(12),
        ),
        (
            "Twenty-five protesters were shot dead by troops in the capital.",
            Stated(25),
        ),
        (
            "Three soldiers and two civilians were killed when the convoy was ambushed.",
            Stated(5),
        ),
        (
            "Two of the hostages were killed during the rescue attempt.",
            Stated(2),
        ),
        ("Eleven people lost their lives in the attack.", Stated(11)),
        (
            "Two Israelis and a Palestinian were killed in the violence.",
            Stated(3),
        ),
        (
            "Two Turkish soldiers were martyred in a PKK attack.",
            Stated(2),
        ),
        (
            "The clashes left at least 14 people dead and more than 100 injured.",
            Stated(14),
        ),
        (
            "Ten people, two of them children, were killed in the shelling.",
            Stated(10),
        ),
        (
            "Between 20 and 30 people were killed in the raid, witnesses said.",
            Stated(20),
        ),
        ("Both attackers were killed by the guards.", Stated(2)),
    ]);
}

#[test]
fn one_person() {
    check(&[
        (
            "A soldier was killed in a mortar attack on the base.",
            Stated(1),
        ),
        (
            "A man died after being shot by security forces during the protest.",
            Stated(1),
        ),
        (
            "One person was killed and two others were injured in the blast.",
            Stated(1),
        ),
        ("He was stabbed to death outside his home.", Stated(1)),
        (
            "The journalist was killed in 2014 while covering the war.",
            Stated(1),
        ),
        (
            "A 12-year-old was killed by a stray bullet in Gaza City.",
            Stated(1),
        ),
        (
            "A 12-year-old boy was killed by shrapnel on 3 March.",
            Stated(1),
        ),
        ("Police said a man aged 45 died in custody.", Stated(1)),
        (
            "Police said on 12 May that the suspect had been killed.",
            Stated(1),
        ),
        (
            "Another soldier died of his wounds in hospital on Tuesday.",
            Stated(1),
        ),
    ]);
}

#[test]
fn death_nouns_and_tolls() {
    check(&[
        (
            "The death toll from Tuesday's earthquake rose to 30, the interior ministry said.",
            Stated(30),
        ),
        (
            "Officials reported a death toll of 30 after the floods.",
            Stated(30),
        ),
        ("The number of dead rose to 45 on Sunday.", Stated(45)),
        (
            "Health authorities recorded 30 fatalities in the province last week.",
            Stated(30),
        ),
        (
            "The ambush claimed 7 lives on the highway to Kandahar.",
            Stated(7),
        ),
        (
            "Two killings were reported in the district overnight.",
            Stated(2),
        ),
        (
            "The bodies of 12 men were found in a mass grave outside the town.",
            Stated(12),
        ),
        (
            "The shelling caused the deaths of 9 civilians, aid workers said.",
            Stated(9),
        ),
        (
            "Clashes killed two people, bringing the death toll since Friday to 40.",
            Stated(2),
        ),
    ]);
}

#[test]
fn wounded_never_count() {
    check(&[
        (
            "Two people were killed and five wounded in the explosion at the bus station.",
            Stated(2),
        ),
        (
            "The rebels killed 3 and injured 10 in a raid on the town.",
            Stated(3),
        ),
        (
            "A roadside bomb killed four policemen, wounding 20 others, in Helmand province.",
            Stated(4),
        ),
        (
            "The attack killed 12 people and wounded 30 others.",
            Stated(12),
        ),
        (
            "The explosion wounded 20 people in the crowded market.",
            NotStated,
        ),
        (
            "Four people were injured and 15 arrested after the protest turned violent.",
            NotStated,
        ),
        (
            "Twelve people are missing after the boat sank and 300 were displaced.",
            NotStated,
        ),
        (
            "Thirty soldiers were killed or wounded in the assault on the base.",
            Vague,
        ),
    ]);
}

#[test]
fn conjoined_counts_are_summed_and_subsets_are_not() {
    check(&[
        (
            "The ambush killed 3 soldiers and 4 civilians travelling in the convoy.",
            Stated(7),
        ),
        (
            "The attack killed 12 people, including three children.",
            Stated(12),
        ),
        (
            "The blast killed 3 people, 2 of whom were children.",
            Stated(3),
        ),
        (
            "Two soldiers were wounded, one of them seriously, but no one was killed.",
            Stated(0),
        ),
        (
            "The militia killed 3 soldiers and 4 civilians were wounded.",
            Stated(3),
        ),
        (
            "Three soldiers were killed and two civilians died in the crossfire.",
            Stated(5),
        ),
    ]);
}

#[test]
fn numbers_that_are_not_counts() {
    check(&[
        (
            "The bomb exploded on March 3, killing four people.",
            Stated(4),
        ),
        (
            "Militants demanded a $5 million ransom for the release of the 12 hostages.",
            NotStated,
        ),
        (
            "The army paid $5 million in compensation after the raid killed two farmers.",
            Stated(2),
        ),
        (
            "Two soldiers died at 3 p.m. when a mortar hit their position.",
            Stated(2),
        ),
        (
            "Three policemen were killed 5 km north of the city.",
            Stated(3),
        ),
        (
            "Attacks rose by 20 percent in 2016, with 300 civilians killed.",
            Stated(300),
        ),
        (
            "Police arrested 25 people after the protest turned violent.",
            NotStated,
        ),
        ("The rebels released 14 hostages on Monday.", NotStated),
        (
            "The serial killer was sentenced to death on Friday.",
            NotStated,
        ),
        (
            "The court sentenced 12 men to death for the 2013 bombing.",
            NotStated,
        ),
        (
            "Russia expelled 23 British diplomats on Thursday.",
            NotStated,
        ),
        (
            "NATO leaders will meet in Brussels on 11 July 2018.",
            NotStated,
        ),
        (
            "The opposition won 112 of the 300 seats in parliament.",
            NotStated,
        ),
        (
            "The bill would kill the subsidy program, critics said.",
            NotStated,
        ),
        ("Gunmen killed 5 cows and burned a granary.", NotStated),
    ]);
}

#[test]
fn vague_and_zero() {
    check(&[
        (
            "Dozens of people were killed in the airstrikes, residents said.",
            Vague,
        ),
        (
            "The bombing killed several civilians and wounded many more.",
            Vague,
        ),
        ("Scores of protesters died in the crackdown.", Vague),
        ("Police said people were killed but gave no figures.", Vague),
        ("The death toll is expected to rise.", Vague),
        ("Hundreds of thousands have died in the war.", Vague),
        ("The killings sparked protests across the country.", Vague),
        ("No one was killed in the blast, police said.", Stated(0)),
        ("There were no fatalities, officials said.", Stated(0)),
        ("Talks in Geneva collapsed on Monday.", NotStated),
        (
            "The soldiers were not killed in the ambush, the army said.",
            NotStated,
        ),
    ]);
}

#[test]
fn killings_that_have_not_happened_state_no_deaths() {
    // an export's fatalities are deaths that happened: a threat or an attempt is none
    check(&[
        (
            "The group threatened to kill 10 hostages unless its demands were met.",
            NotStated,
        ),
        (
            "A man told a court on Tuesday that he tried to kill the journalist in 2022.",
            NotStated,
        ),
        (
            "Officials warned that thousands could be killed if the dam failed.",
            NotStated,
        ),
        (
            "Prosecutors say the two men hired him to kill the activist.",
            NotStated,
        ),
        (
            "The gunmen managed to kill five soldiers before fleeing.",
            Stated(5),
        ),
        ("Gunmen kill 12 villagers in central Nigeria.", Stated(12)),
    ]);
}

#[test]
fn hostile_numbers_are_capped() {
    check(&[
        (
            "The famine killed 99999999999999999999999999 people.",
            Stated(MAX_FATALITIES),
        ),
        ("The war killed 1.5 million people.", Stated(MAX_FATALITIES)),
        (
            "The plague killed a thousand thousand thousand billion people.",
            Stated(MAX_FATALITIES),
        ),
    ]);
    let many = "the blast killed 900000 people and ".repeat(50);
    assert_eq!(stated_fatalities(&many), Stated(MAX_FATALITIES));
}

#[test]
fn work_is_linear() {
    // A quadratic scan would take minutes on this; the linear one takes milliseconds.
    let long = "killed at least one hundred and twenty three people, ".repeat(40_000);
    let start = std::time::Instant::now();
    assert_eq!(stated_fatalities(&long), Stated(MAX_FATALITIES));
    let odd = "- , 1,2 twenty-twenty a.m. $ $ killed killed of of the the ".repeat(40_000);
    let _ = stated_fatalities(&odd);
    assert!(start.elapsed() < std::time::Duration::from_secs(20));
}

#[test]
fn empty_and_odd_input() {
    check(&[
        ("", NotStated),
        ("   ", NotStated),
        ("killed", Vague),
        ("12", NotStated),
        ("—killed— 3,4 ...", Vague),
    ]);
}
