package io.parley.platform.control;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The reverse proxies (TLS terminators, load balancers) whose {@code X-Forwarded-Proto} and {@code X-Forwarded-For}
 * headers Parley believes, as IP addresses or CIDR ranges. Anybody can send those headers, so from any other peer
 * they are ignored: a client cannot pretend to have used TLS or to come from another address.
 */
public final class TrustedProxies {

    // IP literals only: InetAddress.getByName would look a host name up in the DNS
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<AddressRange> proxies;

    private TrustedProxies(List<AddressRange> proxies) {
        this.proxies = proxies;
    }

    /** Parses addresses ({@code 10.0.0.7}, {@code ::1}) and ranges ({@code 10.0.0.0/8}); fails naming the setting. */
    public static TrustedProxies parse(String setting, List<String> entries) {
        return new TrustedProxies(entries.stream()
                .map(entry -> AddressRange.parse(entry.strip()).orElseThrow(() -> new IllegalArgumentException(setting
                        + " lists '" + entry.strip() + "', which is neither an IP address nor a CIDR range such as 10.0.0.0/8")))
                .toList());
    }

    public boolean trusts(String address) {
        return address(address).map(ip -> proxies.stream().anyMatch(range -> range.contains(ip))).orElse(false);
    }

    /**
     * The request as its client sent it to the first trusted proxy, when it came through one; otherwise the request
     * itself, headers ignored.
     */
    public HttpServletRequest view(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String proto = allValues(request, "X-Forwarded-Proto");
        String forwardedFor = allValues(request, "X-Forwarded-For");
        if (!trusts(peer) || (proto == null && forwardedFor == null)) {
            return request;
        }
        return new ForwardedRequest(request, proto == null ? request.isSecure() : secure(proto), client(peer, forwardedFor));
    }

    /**
     * Every line of a header joined as one list, in order: a proxy that adds a line of its own instead of replacing
     * the client's must not leave the client's line in charge.
     */
    private static String allValues(HttpServletRequest request, String header) {
        List<String> lines = Collections.list(request.getHeaders(header));
        return lines.isEmpty() ? null : String.join(",", lines);
    }

    /** Secure only if every hop the proxies list was https: one plain hop is enough for a token to travel in clear. */
    static boolean secure(String forwardedProto) {
        return Arrays.stream(forwardedProto.split(",")).map(String::strip).allMatch("https"::equalsIgnoreCase);
    }

    /**
     * The client's address: the last address in {@code X-Forwarded-For} that is not a trusted proxy. Each proxy
     * appends the address it was called from, so only the entries that trusted proxies added can be believed; an
     * entry that is no IP address ends the walk at the proxy that reported it.
     */
    String client(String peer, String forwardedFor) {
        if (forwardedFor == null) {
            return peer;
        }
        List<String> hops = Arrays.stream(forwardedFor.split(",")).map(String::strip).toList();
        String client = peer;
        for (int i = hops.size() - 1; i >= 0 && trusts(client); i--) {
            if (address(hops.get(i)).isEmpty()) {
                break;
            }
            client = hops.get(i);
        }
        return client;
    }

    @Override
    public String toString() {
        return proxies.isEmpty() ? "(none)" : proxies.stream().map(AddressRange::toString).collect(Collectors.joining(","));
    }

    private static Optional<InetAddress> address(String text) {
        String literal = text == null ? "" : text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (!IP_LITERAL.matcher(literal).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address and the number of leading bits that must match; a plain address is a range of one. */
    private record AddressRange(byte[] network, int prefixBits, String text) {

        static Optional<AddressRange> parse(String entry) {
            int slash = entry.indexOf('/');
            Optional<InetAddress> address = address(slash < 0 ? entry : entry.substring(0, slash));
            if (address.isEmpty()) {
                return Optional.empty();
            }
            byte[] network = address.get().getAddress();
            int bits = network.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                if (bits < 0 || bits > network.length * 8) {
                    return Optional.empty();
                }
            }
            return Optional.of(new AddressRange(network, bits, entry));
        }

        boolean contains(InetAddress candidate) {
            byte[] bytes = candidate.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int whole = prefixBits / 8;
            for (int i = 0; i < whole; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return rest == 0 || (bytes[whole] & mask) == (network[whole] & mask);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
