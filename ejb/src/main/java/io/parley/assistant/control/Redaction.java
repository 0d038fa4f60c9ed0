package io.parley.assistant.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With {@code REDACT_PII=true}, e-mail addresses, card numbers (13 to 19 digits passing the Luhn check) and phone
 * numbers are masked in what the providers are sent; the stored conversation keeps the original. Written here rather
 * than taken from a library: the well-kept PII detectors are whole NLP services, far beyond three patterns.
 */
@ApplicationScoped
public class Redaction {

    static final String EMAIL = "[email]";
    static final String CARD = "[card number]";
    static final String PHONE = "[phone number]";
    private static final Pattern EMAILS = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.\\p{L}{2,}");
    private static final Pattern DIGIT_RUNS = Pattern.compile("(?<![\\p{N}])\\+?\\(?\\d[\\d \\-().]{5,}\\d(?![\\p{N}])");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}");
    private static final int SHORTEST_PHONE = 7;
    private static final int SHORTEST_CARD = 13;
    private static final int LONGEST_CARD = 19;

    @Inject
    @ConfigProperty(name = "redact.pii")
    boolean enabled;

    /** The text as a provider may see it. */
    public String apply(String text) {
        return enabled ? redact(text) : text;
    }

    static String redact(String text) {
        String withoutEmails = EMAILS.matcher(text).replaceAll(EMAIL);
        Matcher runs = DIGIT_RUNS.matcher(withoutEmails);
        StringBuilder out = new StringBuilder();
        while (runs.find()) {
            String digits = runs.group().replaceAll("\\D", "");
            String mask = DATE.matcher(runs.group().strip()).matches() ? runs.group()
                    : digits.length() >= SHORTEST_CARD && digits.length() <= LONGEST_CARD && luhn(digits) ? CARD
                    : digits.length() >= SHORTEST_PHONE ? PHONE : runs.group();
            runs.appendReplacement(out, Matcher.quoteReplacement(mask));
        }
        runs.appendTail(out);
        return out.toString();
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (twice) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
