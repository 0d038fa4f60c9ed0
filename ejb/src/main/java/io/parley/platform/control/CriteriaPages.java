package io.parley.platform.control;

import io.parley.platform.entity.Page;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/** One page of a filtered list and the total it belongs to, from the same conditions: every list endpoint's query. */
public final class CriteriaPages {

    private CriteriaPages() {
    }

    /**
     * A LIKE pattern that finds {@code text} anywhere in a column compared in lower case ({@code cb.lower(...)}); a
     * {@code %} or {@code _} typed stands for itself.
     */
    public static String containing(String text) {
        return "%" + text.strip().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%";
    }

    public static <T> Page<T> page(EntityManager em, Class<T> type, BiFunction<CriteriaBuilder, Root<T>, Predicate[]> where,
                                   BiFunction<CriteriaBuilder, Root<T>, List<Order>> order, int page, int size) {
        Page.requireValid(page, size);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<T> select = cb.createQuery(type);
        Root<T> row = select.from(type);
        select.where(where.apply(cb, row)).orderBy(order.apply(cb, row));
        List<T> items = em.createQuery(select).setFirstResult(page * size).setMaxResults(size).getResultList();

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<T> counted = count.from(type);
        count.select(cb.count(counted)).where(where.apply(cb, counted));
        return new Page<>(items, em.createQuery(count).getSingleResult(), page, size);
    }
}
