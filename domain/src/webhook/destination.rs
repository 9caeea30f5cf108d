//! Where a webhook may be sent. A subscriber names a URL; the agency's server must not become a
//! way into its own network (server-side request forgery), so a URL must be `https`, and its
//! host must not be, or resolve to, a private, loopback, link-local, shared or metadata
//! address, unless the configuration allows that host (development, an agency's own system).
//! The address check runs at creation on the resolved addresses and again at each delivery on
//! the addresses actually connected to, so a name that later resolves inward (DNS rebinding)
//! is refused then.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use url::{Host, Url};

/// The longest URL accepted.
pub const MAX_URL_LEN: usize = 2_048;

/// A URL that may not be a destination.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DestinationError {
    /// Not an absolute URL.
    #[error("not an absolute URL")]
    NotAUrl,
    /// Longer than [`MAX_URL_LEN`].
    #[error("longer than 2048 characters")]
    TooLong,
    /// Not `https` (and the host is not allowed to use `http`).
    #[error("webhooks are sent over https only")]
    NotHttps,
    /// User name or password in the URL: secrets belong in the signature.
    #[error("a webhook URL carries no user name or password")]
    Credentials,
    /// A fragment is never sent, so it is a mistake.
    #[error("a webhook URL has no #fragment")]
    Fragment,
    /// The host is or resolves to an address inside a network.
    #[error("{0} is a private, loopback, link-local or metadata address")]
    Forbidden(IpAddr),
}

/// A checked destination: the URL and its host as configuration matches it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Destination {
    /// The URL, normalised.
    pub url: Url,
    /// Whether the configuration allows this host (any scheme and address).
    pub allowed_host: bool,
}

impl Destination {
    /// Checks `raw` against the rules that need no name resolution; `allow_hosts` are the host
    /// names or addresses the configuration allows (`SOLVO_WEBHOOK_ALLOW_HOSTS`).
    ///
    /// # Errors
    /// [`DestinationError`] naming the rule broken.
    pub fn parse(raw: &str, allow_hosts: &[String]) -> Result<Self, DestinationError> {
        if raw.len() > MAX_URL_LEN {
            return Err(DestinationError::TooLong);
        }
        let url = Url::parse(raw).map_err(|_| DestinationError::NotAUrl)?;
        let host = url.host().ok_or(DestinationError::NotAUrl)?;
        let allowed_host = allowed(&host, allow_hosts);
        if !(url.scheme() == "https" || (allowed_host && url.scheme() == "http")) {
            return Err(DestinationError::NotHttps);
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(DestinationError::Credentials);
        }
        if url.fragment().is_some() {
            return Err(DestinationError::Fragment);
        }
        let destination = Self { url, allowed_host };
        if let Some(ip) = destination.literal_ip() {
            destination.check_address(ip)?;
        }
        Ok(destination)
    }

    /// The host when it is an address rather than a name.
    #[must_use]
    pub fn literal_ip(&self) -> Option<IpAddr> {
        match self.url.host()? {
            Host::Ipv4(ip) => Some(IpAddr::V4(ip)),
            Host::Ipv6(ip) => Some(IpAddr::V6(ip)),
            Host::Domain(_) => None,
        }
    }

    /// Whether a delivery may connect to `ip`, one of the host's resolved addresses.
    ///
    /// # Errors
    /// [`DestinationError::Forbidden`] for an inward address of a host not allowed.
    pub fn check_address(&self, ip: IpAddr) -> Result<(), DestinationError> {
        if !self.allowed_host && forbidden_address(ip) {
            return Err(DestinationError::Forbidden(ip));
        }
        Ok(())
    }
}

fn allowed(host: &Host<&str>, allow_hosts: &[String]) -> bool {
    let name = match host {
        Host::Domain(name) => (*name).to_ascii_lowercase(),
        Host::Ipv4(ip) => ip.to_string(),
        Host::Ipv6(ip) => ip.to_string(),
    };
    allow_hosts.iter().any(|allowed| {
        allowed
            .trim()
            .trim_matches(['[', ']'])
            .eq_ignore_ascii_case(&name)
    })
}

/// Whether `ip` lies inside a network rather than on the public internet: unspecified,
/// loopback, private (RFC 1918, IPv6 unique local RFC 4193), shared (RFC 6598), link-local
/// (where cloud metadata services answer, 169.254.169.254 and `fd00:ec2::254`), benchmarking,
/// documentation, multicast, broadcast and reserved ranges; an IPv4 address mapped into IPv6 is
/// judged as IPv4.
#[must_use]
pub fn forbidden_address(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => forbidden_v4(v4),
        IpAddr::V6(v6) => match embedded_v4(v6) {
            Some(v4) => forbidden_v4(v4),
            None => forbidden_v6(v6),
        },
    }
}

/// The IPv4 address an IPv6 address carries: mapped (`::ffff:a.b.c.d`), the deprecated
/// compatible form (`::a.b.c.d`) and 6to4 (`2002:aabb:ccdd::/48`, RFC 3056).
fn embedded_v4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return Some(v4);
    }
    let o = ip.octets();
    let s = ip.segments();
    // `::` and `::1` are not IPv4 addresses but IPv6's own unspecified and loopback.
    if s[..6] == [0; 6] && !(s[6] == 0 && s[7] <= 1) {
        return Some(Ipv4Addr::new(o[12], o[13], o[14], o[15]));
    }
    if s[0] == 0x2002 {
        return Some(Ipv4Addr::new(o[2], o[3], o[4], o[5]));
    }
    None
}

fn forbidden_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_multicast()
        || ip.is_broadcast()
        || ip.is_documentation()
        || a == 0
        // 100.64.0.0/10, carrier-grade NAT (RFC 6598).
        || (a == 100 && (64..128).contains(&b))
        // 192.0.0.0/24, IETF protocol assignments (RFC 6890).
        || (a == 192 && b == 0 && c == 0)
        // 198.18.0.0/15, benchmarking (RFC 2544).
        || (a == 198 && (b == 18 || b == 19))
        // 240.0.0.0/4, reserved.
        || a >= 240
}

fn forbidden_v6(ip: Ipv6Addr) -> bool {
    let first = ip.segments()[0];
    ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_multicast()
        // fc00::/7, unique local (RFC 4193), fd00:ec2::254 among them.
        || (first & 0xfe00) == 0xfc00
        // fe80::/10, link-local; fec0::/10, the deprecated site-local.
        || (first & 0xffc0) == 0xfe80
        || (first & 0xffc0) == 0xfec0
        // 2001:db8::/32, documentation.
        || (first == 0x2001 && ip.segments()[1] == 0x0db8)
        // 64:ff9b::/96 translates to IPv4 (RFC 6052), whatever address it hides.
        || (first == 0x0064 && ip.segments()[1] == 0xff9b)
}

#[cfg(test)]
mod tests {
    use super::{Destination, DestinationError, forbidden_address};
    use std::net::IpAddr;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn inward_addresses_are_forbidden_and_public_ones_are_not() {
        for inward in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "224.0.0.1",
            "255.255.255.255",
            "::1",
            "::",
            "fd00:ec2::254",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "64:ff9b::a00:1",
        ] {
            assert!(
                forbidden_address(ip(inward)),
                "{inward} should be forbidden"
            );
        }
        for public in [
            "93.184.216.34",
            "8.8.8.8",
            "2606:4700:4700::1111",
            "100.128.0.1",
        ] {
            assert!(!forbidden_address(ip(public)), "{public} should be allowed");
        }
    }

    #[test]
    fn a_url_must_be_https_without_credentials_or_fragment() {
        let none: Vec<String> = Vec::new();
        assert!(Destination::parse("https://erp.example.com/hooks", &none).is_ok());
        assert_eq!(
            Destination::parse("http://erp.example.com/hooks", &none),
            Err(DestinationError::NotHttps)
        );
        assert_eq!(
            Destination::parse("https://user:pw@erp.example.com/", &none),
            Err(DestinationError::Credentials)
        );
        assert_eq!(
            Destination::parse("https://erp.example.com/#x", &none),
            Err(DestinationError::Fragment)
        );
        assert_eq!(
            Destination::parse("erp.example.com", &none),
            Err(DestinationError::NotAUrl)
        );
        assert_eq!(
            Destination::parse("https://169.254.169.254/latest/meta-data", &none),
            Err(DestinationError::Forbidden(ip("169.254.169.254")))
        );
        assert_eq!(
            Destination::parse("https://[::1]:8443/", &none),
            Err(DestinationError::Forbidden(ip("::1")))
        );
    }

    #[test]
    fn an_allowed_host_may_use_http_and_inward_addresses() {
        let allow = vec!["127.0.0.1".to_owned(), "Receiver.Local".to_owned()];
        let loopback = Destination::parse("http://127.0.0.1:9000/hook", &allow).unwrap();
        assert!(loopback.allowed_host);
        assert!(loopback.check_address(ip("127.0.0.1")).is_ok());
        let named = Destination::parse("http://receiver.local/hook", &allow).unwrap();
        assert!(named.check_address(ip("10.0.0.5")).is_ok());
        let other = Destination::parse("https://other.example/hook", &allow).unwrap();
        assert_eq!(
            other.check_address(ip("10.0.0.5")),
            Err(DestinationError::Forbidden(ip("10.0.0.5")))
        );
    }
}
