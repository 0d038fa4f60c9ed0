package io.parley.visitors.entity;

import java.util.List;

/**
 * What changed among the live visitors since the last announcement, coalesced: who arrived, who moved to another page,
 * who left ({@code left} holds their ids). A visitor who came and went in between is in none of them.
 */
public record LiveVisitorsChanged(List<LiveVisitor> joined, List<LiveVisitor> changed, List<String> left) {
}
