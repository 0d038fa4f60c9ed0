package io.parley.platform.control;

import com.hazelcast.core.HazelcastInstance;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The members of Payara's data grid (Hazelcast), as Payara offers its instance to applications at JNDI
 * {@code payara/Hazelcast}: none when the grid is off ({@code --nocluster}) or not running. Not a CDI bean, and only
 * called by {@link SystemOverview} inside a guard, so that a server without the grid's classes still deploys Parley.
 */
final class ClusterMembers {

    static final String JNDI_NAME = "payara/Hazelcast";

    private ClusterMembers() {
    }

    static Optional<List<SystemOverview.Member>> find() {
        try {
            HazelcastInstance grid = (HazelcastInstance) new InitialContext().lookup(JNDI_NAME);
            return Optional.of(grid.getCluster().getMembers().stream()
                    .map(member -> new SystemOverview.Member(member.getAddress().getHost(), member.getAddress().toString(), member.localMember()))
                    .sorted(Comparator.comparing(SystemOverview.Member::address)).toList());
        } catch (NamingException | RuntimeException notRunning) {
            return Optional.empty();
        }
    }
}
