package dev.newswire.ingest.feeds.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The SSRF guard of the feed fetcher: a URL may be fetched only when it is http(s) and every
 * address its host resolves to is public, unless the allow-list names the host or a CIDR that
 * holds the address. Checked before every request and every redirect hop, on the resolved
 * addresses (a public-looking name that resolves to 10.0.0.1 is refused).
 * <p>
 * What stays open: the HTTP client resolves the name again when it connects, so a DNS server that
 * answers a public address here and a private one a moment later (rebinding) could slip through;
 * java.net.http offers no hook to pin the checked address. Refusing private ranges still stops
 * the plain cases (feeds or redirects naming internal hosts, metadata endpoints, loopback).
 */
public final class AddressGuard {

    private final Set<String> allowedNames = new TreeSet<>();
    private final List<Cidr> allowedRanges = new ArrayList<>();

    public AddressGuard(List<String> allowList) {
        for (String raw : allowList) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            Cidr cidr = Cidr.parse(entry);
            if (cidr != null) {
                allowedRanges.add(cidr);
            } else {
                allowedNames.add(entry);
            }
        }
    }

    /** Throws {@link FetchException} (kind {@code blocked-address} / {@code bad-url} / {@code dns}) unless {@code uri} may be fetched. */
    public void check(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(FetchException.Kind.BAD_URL, "only http and https are fetched, not \"" + scheme + "\"");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new FetchException(FetchException.Kind.BAD_URL, "the URL has no host");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (allowedNames.contains(bare.toLowerCase(Locale.ROOT))) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw new FetchException(FetchException.Kind.DNS, "host " + bare + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address) && allowedRanges.stream().noneMatch(range -> range.contains(address))) {
                throw new FetchException(FetchException.Kind.BLOCKED_ADDRESS, "host " + bare + " resolves to "
                        + address.getHostAddress() + ", a non-public address; add it to newswire.ingest.feeds.allow-hosts"
                        + " (NEWSWIRE_INGEST_FEEDS_ALLOW_HOSTS) to fetch it");
            }
        }
    }

    /** Not loopback, private, link-local, multicast, unspecified, carrier-grade NAT, unique-local or reserved. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // "this network"
                    && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT 100.64/10
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // unique local fc00::/7
                return false;
            }
            if (isEmbeddedIpv4(b)) { // ::ffff:a.b.c.d and ::a.b.c.d reach the IPv4 address
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isEmbeddedIpv4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff);
    }

    /** An address range: {@code 10.0.0.0/8}, {@code fd00::/8}, or one address ({@code 127.0.0.1}). */
    record Cidr(byte[] network, int bits) {

        static Cidr parse(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            if (!address.matches("[0-9.]+") && !address.contains(":")) {
                return null; // a host name
            }
            try {
                byte[] network = InetAddress.getByName(address).getAddress();
                int bits = slash < 0 ? network.length * 8 : Integer.parseInt(entry.substring(slash + 1));
                return bits < 0 || bits > network.length * 8 ? null : new Cidr(network, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                return null;
            }
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
