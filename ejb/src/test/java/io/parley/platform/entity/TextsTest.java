package io.parley.platform.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void textThatFitsStaysAsItIs() {
        assertThat(Texts.cut("short", 5)).isEqualTo("short");
        assertThat(Texts.cut(null, 5)).isNull();
    }

    @Test
    void longerTextIsCutToTheLimitWithAnEllipsis() {
        assertThat(Texts.cut("a reason far too long", 10)).isEqualTo("a reason …").hasSize(10);
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsNeverCutInTwo() {
        String emoji = "\uD83D\uDE00";
        String cut = Texts.cut("abcdefgh" + emoji + "tail", 10);
        assertThat(cut).isEqualTo("abcdefgh…");
        assertThat(Texts.cut("abcdefg" + emoji + "tail", 10)).isEqualTo("abcdefg" + emoji + "…");
    }
}
