package io.parley.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.parse("trusted.proxies",
            List.of("10.0.0.7", "192.168.0.0/16", "::1", "fd00::/8"));

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.7", "192.168.0.1", "192.168.255.254", "::1", "0:0:0:0:0:0:0:1", "[::1]", "fd12:3456::1",
            "::ffff:10.0.0.7"})
    void addressesAndRangesAreTrusted(String address) {
        assertThat(proxies.trusts(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.8", "192.169.0.1", "127.0.0.1", "::2", "fe80::1", "proxy.example", "", "unknown"})
    void everyOtherPeerIsNot(String address) {
        assertThat(proxies.trusts(address)).isFalse();
    }

    @Test
    void noProxiesTrustNobody() {
        TrustedProxies none = TrustedProxies.parse("trusted.proxies", List.of());
        assertThat(none.trusts("127.0.0.1")).isFalse();
        assertThat(none.client("127.0.0.1", "203.0.113.9")).isEqualTo("127.0.0.1");
    }

    @Test
    void aRangeNeedsOnlyItsLeadingBitsToMatch() {
        TrustedProxies odd = TrustedProxies.parse("trusted.proxies", List.of("172.16.0.0/12"));
        assertThat(odd.trusts("172.31.255.255")).isTrue();
        assertThat(odd.trusts("172.32.0.0")).isFalse();
        assertThat(odd.trusts("172.15.255.255")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.example", "10.0.0.0/33", "10.0.0.0/x", "10.0.0", "*"})
    void anEntryThatIsNoAddressIsRefusedWithAMessageThatNamesIt(String entry) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TrustedProxies.parse("trusted.proxies", List.of(entry)))
                .withMessageContaining("trusted.proxies lists '" + entry + "'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "10.0.0.7; 203.0.113.9; 203.0.113.9",
            "10.0.0.7; 198.51.100.1, 203.0.113.9; 203.0.113.9",
            "10.0.0.7; 203.0.113.9, 192.168.1.1; 203.0.113.9",
            "10.0.0.7; 192.168.1.2, 192.168.1.1; 192.168.1.2",
            "10.0.0.7; not-an-address, 192.168.1.1; 192.168.1.1",
            "10.0.0.7; ; 10.0.0.7",
            "203.0.113.50; 198.51.100.1; 203.0.113.50"})
    void theClientIsTheLastAddressThatNoTrustedProxyAdded(String peer, String forwardedFor, String client) {
        assertThat(proxies.client(peer, forwardedFor)).isEqualTo(client);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"https; true", "HTTPS; true", "https, https; true", "http; false", "https, http; false",
            "http, https; false", "wss; false", "''; false"})
    void theClientUsedTlsOnlyIfEveryHopDid(String forwardedProto, boolean secure) {
        assertThat(TrustedProxies.secure(forwardedProto)).isEqualTo(secure);
    }
}
