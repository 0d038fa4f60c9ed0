package io.parley.assistant.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void emailsCardsAndPhonesAreMasked() {
        assertThat(Redaction.redact("Write to ada.lovelace+shop@example.co.uk please"))
                .isEqualTo("Write to [email] please");
        assertThat(Redaction.redact("My card is 4111 1111 1111 1111, exp 12/27")).isEqualTo("My card is [card number], exp 12/27");
        assertThat(Redaction.redact("card 4111-1111-1111-1111")).isEqualTo("card [card number]");
        assertThat(Redaction.redact("Call me at +49 (30) 123-4567 or 030 1234567.")).isEqualTo("Call me at [phone number] or [phone number].");
    }

    @Test
    void ordinaryNumbersStay() {
        assertThat(Redaction.redact("Order 4711 arrived on 2026-11-24 at 9:30, 3 items for 120.50"))
                .isEqualTo("Order 4711 arrived on 2026-11-24 at 9:30, 3 items for 120.50");
        assertThat(Redaction.redact("16 digits that fail Luhn: 1234 5678 9012 3456")).isEqualTo("16 digits that fail Luhn: [phone number]");
    }
}
