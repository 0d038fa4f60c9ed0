package io.parley.autoreply.control;

import io.parley.autoreply.entity.CannedContent;
import io.parley.autoreply.entity.CannedResponse;
import io.parley.autoreply.entity.ImportPlan;
import io.parley.autoreply.entity.ImportPlan.Action;
import io.parley.autoreply.entity.MatchType;
import io.parley.autoreply.entity.SheetRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides what each row of an imported workbook does to the canned responses stored. A row <em>updates</em> the
 * response that has its shortcut; failing that, the response with its trigger (case ignored) — the only one with it,
 * or else the only one with it and no shortcut; otherwise it <em>creates</em> one. A row that would change nothing is
 * <em>unchanged</em>. A row is <em>refused</em>, with each reason, when a cell is wrong, when its shortcut (or, having
 * none, its trigger) is on an earlier row too, when it cannot tell which of several stored responses with its trigger
 * it means, or when an earlier row already updates the same response. So an export imported again changes nothing.
 */
public final class ImportCheck {

    private static final Set<String> YES = Set.of("", "yes", "y", "true", "1");
    private static final Set<String> NO = Set.of("no", "n", "false", "0");

    private ImportCheck() {
    }

    public static ImportPlan plan(String digest, List<SheetRow> rows, List<CannedResponse> stored) {
        Map<String, CannedResponse> byShortcut = new HashMap<>();
        Map<String, List<CannedResponse>> byTrigger = new HashMap<>();
        for (CannedResponse response : stored) {
            if (response.shortcut() != null) {
                byShortcut.put(response.shortcut(), response);
            }
            byTrigger.computeIfAbsent(key(response.trigger()), trigger -> new ArrayList<>(1)).add(response);
        }
        Map<String, Integer> shortcutRows = new HashMap<>();
        Map<String, Integer> triggerRows = new HashMap<>();
        Map<String, Integer> targetRows = new HashMap<>();
        List<ImportPlan.Row> planned = new ArrayList<>(rows.size());
        for (SheetRow row : rows) {
            List<String> reasons = new ArrayList<>();
            MatchType type = matchType(row.matchType(), reasons);
            Boolean active = active(row.active(), reasons);
            CannedContent content = new CannedContent(row.trigger(), row.response(), type, row.category(), row.shortcut(),
                    active == null || active);
            reasons.addAll(0, content.problems());

            CannedResponse target = null;
            if (content.shortcut() != null) {
                Integer earlier = shortcutRows.putIfAbsent(content.shortcut(), row.number());
                if (earlier != null) {
                    reasons.add("The shortcut /" + content.shortcut() + " is on row " + earlier + " too.");
                }
                target = byShortcut.get(content.shortcut());
            }
            if (content.shortcut() == null && !content.trigger().isEmpty()) {
                Integer earlier = triggerRows.putIfAbsent(key(content.trigger()), row.number());
                if (earlier != null) {
                    reasons.add("The trigger “" + content.trigger() + "” is on row " + earlier + " too: give one of them a shortcut.");
                }
            }
            if (target == null && !content.trigger().isEmpty()) {
                List<CannedResponse> sameTrigger = byTrigger.getOrDefault(key(content.trigger()), List.of());
                List<CannedResponse> withoutShortcut = sameTrigger.stream().filter(response -> response.shortcut() == null).toList();
                if (sameTrigger.size() == 1) {
                    target = sameTrigger.get(0);
                } else if (withoutShortcut.size() == 1) {
                    target = withoutShortcut.get(0);
                } else if (sameTrigger.size() > 1) {
                    reasons.add(sameTrigger.size() + " stored responses have this trigger: write the shortcut of the one to update.");
                }
            }
            if (target != null) {
                Integer earlier = targetRows.putIfAbsent(target.id(), row.number());
                if (earlier != null) {
                    reasons.add("Row " + earlier + " already updates the response “" + target.trigger() + "”.");
                }
            }
            planned.add(reasons.isEmpty() ? planned(row, content, target)
                    : new ImportPlan.Row(row, Action.REFUSED, null, target, List.of(), List.copyOf(reasons)));
        }
        return new ImportPlan(digest, planned);
    }

    private static ImportPlan.Row planned(SheetRow row, CannedContent content, CannedResponse target) {
        if (target == null) {
            return new ImportPlan.Row(row, Action.CREATE, content, null, List.of(), List.of());
        }
        List<String> changes = target.content().differencesFrom(content);
        return new ImportPlan.Row(row, changes.isEmpty() ? Action.UNCHANGED : Action.UPDATE, content, target, changes, List.of());
    }

    private static String key(String trigger) {
        return trigger.strip().toLowerCase(Locale.ROOT);
    }

    private static MatchType matchType(String cell, List<String> reasons) {
        if (cell.isEmpty()) {
            reasons.add("The match type is empty: write exact, partial or keyword.");
            return null;
        }
        for (MatchType type : MatchType.values()) {
            if (type.wireName().equalsIgnoreCase(cell)) {
                return type;
            }
        }
        reasons.add("“" + cell + "” is not a match type: write exact, partial or keyword.");
        return null;
    }

    private static Boolean active(String cell, List<String> reasons) {
        String value = cell.toLowerCase(Locale.ROOT);
        if (YES.contains(value)) {
            return true;
        }
        if (NO.contains(value)) {
            return false;
        }
        reasons.add("Active is “" + cell + "”: write yes or no, or leave it empty for yes.");
        return null;
    }
}
