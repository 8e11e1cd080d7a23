package dev.newswire.api.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PositionTest {

    @Test
    void tokenRoundTripsAndIsCompactAndUrlSafe() {
        Position p = Position.of(0, 127, 128, 1L << 40);
        String token = p.token();
        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(Position.parse(token)).isEqualTo(p);
        assertThat(Position.of(12, 7, 9).token()).hasSizeLessThanOrEqualTo(8);
    }

    @Test
    void afterMovesOnePartitionForwardOnly() {
        Position p = Position.of(5, 5);
        assertThat(p.after(1, 9)).isEqualTo(Position.of(5, 10));
        assertThat(p.after(1, 2)).isEqualTo(p);
        assertThat(p.after(3, 0)).isEqualTo(Position.of(5, 5, 0, 1));
        assertThat(p.next(7)).isZero();
    }

    @Test
    void garbageIsRejected() {
        assertThatThrownBy(() -> Position.parse("!!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Position.parse("AgE")).isInstanceOf(IllegalArgumentException.class);
        String valid = Position.of(1, 2).token();
        assertThatThrownBy(() -> Position.parse(valid + "AA")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Position.parse("")).isInstanceOf(IllegalArgumentException.class);
    }
}
