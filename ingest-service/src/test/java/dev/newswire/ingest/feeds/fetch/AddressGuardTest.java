package dev.newswire.ingest.feeds.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressGuardTest {

    @Test
    void nonPublicAddressesAreRefused() throws Exception {
        for (String address : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
                "100.64.0.1", "224.0.0.1", "255.255.255.255", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1")) {
            assertThat(AddressGuard.isPublic(InetAddress.getByName(address))).as(address).isFalse();
        }
        for (String address : List.of("93.184.216.34", "1.1.1.1", "2606:4700:4700::1111")) {
            assertThat(AddressGuard.isPublic(InetAddress.getByName(address))).as(address).isTrue();
        }
    }

    @Test
    void theResolvedAddressIsCheckedNotTheName() {
        AddressGuard guard = new AddressGuard(List.of());
        // "localhost" is a name; what it resolves to (loopback) is what counts.
        assertThatThrownBy(() -> guard.check(URI.create("http://localhost:8080/feed")))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.BLOCKED_ADDRESS));
        assertThatThrownBy(() -> guard.check(URI.create("http://[::1]/feed")))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.BLOCKED_ADDRESS));
        assertThatThrownBy(() -> guard.check(URI.create("file:///etc/passwd")))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.BAD_URL));
    }

    @Test
    void theAllowListTakesAddressesCidrsAndNames() throws Exception {
        AddressGuard guard = new AddressGuard(List.of("127.0.0.1", "10.0.0.0/8", "intranet.test"));
        assertThatCode(() -> guard.check(URI.create("http://127.0.0.1:9/x"))).doesNotThrowAnyException();
        assertThatCode(() -> guard.check(URI.create("http://10.20.30.40/x"))).doesNotThrowAnyException();
        assertThatCode(() -> guard.check(URI.create("http://intranet.test/x"))).doesNotThrowAnyException();
        // 127.0.0.2 is loopback too, but not the one allowed
        assertThatThrownBy(() -> guard.check(URI.create("http://127.0.0.2/x"))).isInstanceOf(FetchException.class);
        assertThatThrownBy(() -> guard.check(URI.create("http://192.168.0.1/x"))).isInstanceOf(FetchException.class);
    }
}
