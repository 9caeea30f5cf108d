//! The client's address for the login throttle. By default the TCP peer's: a client sets
//! `X-Forwarded-For` to whatever it likes, so trusting it would give every guess a fresh address.
//! Behind a reverse proxy every client would then share the proxy's address, so the proxies
//! named in `SOLVO_TRUSTED_PROXIES` are looked through: the client is the right-most address of
//! `X-Forwarded-For` that is not one of them (each proxy appends the address it received the
//! request from, so only the entries added by trusted proxies can be believed).

use std::net::IpAddr;

use actix_web::HttpRequest;

/// The proxies whose `X-Forwarded-For` entries are believed.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(Vec<IpAddr>);

impl TrustedProxies {
    /// From the configured addresses.
    #[must_use]
    pub fn new(addresses: &[IpAddr]) -> Self {
        Self(addresses.to_vec())
    }

    /// The client's address for `request`, `None` when the connection has none.
    #[must_use]
    pub fn client(&self, request: &HttpRequest) -> Option<IpAddr> {
        let peer = request.peer_addr()?.ip();
        let forwarded = request
            .headers()
            .get_all("x-forwarded-for")
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .map(str::trim)
            .collect::<Vec<_>>();
        Some(self.resolve(peer, &forwarded))
    }

    fn resolve(&self, peer: IpAddr, forwarded: &[&str]) -> IpAddr {
        if !self.trusts(peer) {
            return peer;
        }
        let mut client = peer;
        for entry in forwarded.iter().rev() {
            let Ok(address) = entry.parse::<IpAddr>() else {
                // An entry that is no address was not written by a proxy we trust: stop at the
                // last one that was.
                return client;
            };
            client = address;
            if !self.trusts(address) {
                return address;
            }
        }
        client
    }

    fn trusts(&self, address: IpAddr) -> bool {
        self.0.contains(&address.to_canonical())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap_or(IpAddr::from([0, 0, 0, 0]))
    }

    #[test]
    fn only_trusted_proxies_are_looked_through() {
        let none = TrustedProxies::default();
        assert_eq!(
            none.resolve(ip("203.0.113.9"), &["198.51.100.1"]),
            ip("203.0.113.9")
        );
        let proxy = TrustedProxies::new(&[ip("10.0.0.1"), ip("10.0.0.2")]);
        assert_eq!(
            proxy.resolve(ip("10.0.0.1"), &["1.1.1.1", "198.51.100.7", "10.0.0.2"]),
            ip("198.51.100.7"),
            "the client's own (forged) entry on the left is not believed"
        );
        assert_eq!(proxy.resolve(ip("10.0.0.1"), &[]), ip("10.0.0.1"));
        assert_eq!(proxy.resolve(ip("10.0.0.1"), &["junk"]), ip("10.0.0.1"));
        assert_eq!(
            proxy.resolve(ip("203.0.113.9"), &["198.51.100.7"]),
            ip("203.0.113.9"),
            "a direct client's header is ignored"
        );
    }
}
