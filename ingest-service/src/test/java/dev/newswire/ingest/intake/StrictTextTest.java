package dev.newswire.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictTextTest {

    @Test
    void decodesValidUtf8AndDropsAByteOrderMark() throws Exception {
        assertThat(StrictText.utf8("café – “quoted”".getBytes(StandardCharsets.UTF_8))).isEqualTo("café – “quoted”");
        assertThat(StrictText.utf8("\uFEFFtext".getBytes(StandardCharsets.UTF_8))).isEqualTo("text");
        assertThat(StrictText.utf8(new byte[0])).isEmpty();
    }

    @Test
    void refusesBadBytesNamingTheOffset() {
        assertThatThrownBy(() -> StrictText.utf8(new byte[]{'c', 'a', 'f', (byte) 0xC3, 0x28}))
                .isInstanceOf(RejectedArticleException.class)
                .hasMessageContaining("byte offset 3")
                .satisfies(e -> assertThat(((RejectedArticleException) e).reason()).isEqualTo(Rejection.INVALID_ENCODING));
        assertThatThrownBy(() -> StrictText.utf8(new byte[]{'a', (byte) 0xE2, (byte) 0x82}))
                .as("truncated sequence at the end").isInstanceOf(RejectedArticleException.class);
    }

    @Test
    void honoursADeclaredCharsetAndRefusesAnUnknownOne() throws Exception {
        assertThat(StrictText.decode("café".getBytes(StandardCharsets.ISO_8859_1), "ISO-8859-1")).isEqualTo("café");
        assertThatThrownBy(() -> StrictText.decode(new byte[]{'a'}, "no-such-charset"))
                .isInstanceOf(RejectedArticleException.class)
                .satisfies(e -> assertThat(((RejectedArticleException) e).reason()).isEqualTo(Rejection.UNSUPPORTED_MEDIA_TYPE));
    }
}
