//! dyad's actor, agent and verb-pattern dictionaries: compact format, converter, matchers, CAMEO/PLOVER tables.
