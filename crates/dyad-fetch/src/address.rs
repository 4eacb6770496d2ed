//! Which addresses article pages may come from. The feeds are the operator's own list, but
//! the links in them are anyone's: a hostile or compromised feed could link to a cloud
//! machine's metadata service (`http://169.254.169.254/`), a service on `localhost` or an
//! intranet host, and dyad would store the answer as a document. So, unless
//! [`crate::FetchOptions::private_pages`] allows it, a page is fetched only from public
//! addresses: an address literal in the URL (or in a redirect's) is checked before any request,
//! and a name is resolved by [`PublicOnly`], which hands the connection only the public
//! addresses it resolved to, so a name cannot resolve one way for the check and another way for
//! the connection.

use std::net::{IpAddr, SocketAddr, ToSocketAddrs};

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use reqwest::Url;

/// Whether `ip` is an address of the public Internet: not loopback, private (RFC 1918, IPv6
/// unique local), link-local (where cloud metadata services answer), shared (RFC 6598),
/// unspecified, broadcast, multicast, documentation or reserved.
pub(crate) fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            !(v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.is_documentation()
                || a == 0
                || a >= 240
                || (a == 100 && (64..128).contains(&b))
                || (a == 192 && b == 0 && c == 0)
                || (a == 198 && (b == 18 || b == 19)))
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public(IpAddr::V4(v4));
            }
            let [s0, s1, ..] = v6.segments();
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (s0 & 0xfe00) == 0xfc00
                || (s0 & 0xffc0) == 0xfe80
                || (s0 == 0x2001 && s1 == 0x0db8)
                || (s0 == 0x64 && s1 == 0xff9b))
        }
    }
}

/// The non-public address `url` names literally, if it does (`http://127.0.0.1/`,
/// `http://[::1]/`; a name is left to [`PublicOnly`]).
pub(crate) fn private_literal(url: &Url) -> Option<IpAddr> {
    let ip = match url.host()? {
        url::Host::Ipv4(v4) => IpAddr::V4(v4),
        url::Host::Ipv6(v6) => IpAddr::V6(v6),
        url::Host::Domain(_) => return None,
    };
    (!is_public(ip)).then_some(ip)
}

/// A resolver that keeps only public addresses, and fails for a name that has none.
pub(crate) struct PublicOnly;

/// A name that resolved to no public address.
#[derive(Debug)]
pub(crate) struct NotPublic(pub String);

impl std::fmt::Display for NotPublic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} has no public address", self.0)
    }
}

impl std::error::Error for NotPublic {}

impl Resolve for PublicOnly {
    fn resolve(&self, name: Name) -> Resolving {
        let host = name.as_str().to_string();
        Box::pin(async move {
            // the system resolver blocks: off the client's runtime thread
            let looked_up = tokio::task::spawn_blocking({
                let host = host.clone();
                move || (host.as_str(), 0).to_socket_addrs().map(Vec::from_iter)
            })
            .await??;
            let public: Vec<SocketAddr> = looked_up
                .into_iter()
                .filter(|a| is_public(a.ip()))
                .collect();
            if public.is_empty() {
                return Err(Box::new(NotPublic(host)) as Box<dyn std::error::Error + Send + Sync>);
            }
            let addrs: Addrs = Box::new(public.into_iter());
            Ok(addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_and_not() {
        for private in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "255.255.255.255",
            "224.0.0.1",
            "::1",
            "::",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "2001:db8::1",
        ] {
            let ip: IpAddr = private.parse().expect("an address");
            assert!(!is_public(ip), "{private}");
        }
        for public in [
            "93.184.216.34",
            "8.8.8.8",
            "2606:4700::1111",
            "::ffff:8.8.8.8",
        ] {
            let ip: IpAddr = public.parse().expect("an address");
            assert!(is_public(ip), "{public}");
        }
    }

    #[test]
    fn literals_in_urls() {
        let url = |s: &str| Url::parse(s).expect("a URL");
        assert!(private_literal(&url("http://169.254.169.254/latest/meta-data/")).is_some());
        assert!(private_literal(&url("http://[::1]:8080/")).is_some());
        assert!(private_literal(&url("http://2130706433/")).is_some()); // 127.0.0.1, as a number
        assert!(private_literal(&url("http://example.org/")).is_none());
        assert!(private_literal(&url("http://8.8.8.8/")).is_none());
    }

    #[test]
    fn names_resolving_to_loopback_are_refused() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        let name: Name = "localhost".parse().expect("a name");
        let result = rt.block_on(PublicOnly.resolve(name));
        let Err(e) = result else {
            panic!("localhost resolved to a public address")
        };
        assert!(
            e.to_string().contains("localhost has no public address"),
            "{e}"
        );
    }
}
