package org.aftersales.servicecase;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.stereotype.Component;

/**
 * Case numbers {@code AS-<year>-<6 digits>} from the database sequence
 * {@code case_number_seq}: unique across threads and nodes without a lock. The number
 * runs on across years (the year tells when the case was opened, not a yearly count).
 */
@Component
public class CaseNumbers {

  public static final java.util.regex.Pattern FORMAT = java.util.regex.Pattern.compile("AS-\\d{4}-\\d{6}");

  private final EntityManager entityManager;
  private final String nextValueSql;

  public CaseNumbers(EntityManager entityManager) {
    this.entityManager = entityManager;
    // The dialect knows how this database spells "next value" (nextval() or NEXT VALUE FOR).
    this.nextValueSql = entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
        .getJdbcServices().getDialect().getSequenceSupport().getSequenceNextValString("case_number_seq");
  }

  public String next(Instant now, ZoneId zone) {
    long value = ((Number) entityManager.createNativeQuery(nextValueSql).getSingleResult()).longValue();
    return format(LocalDate.ofInstant(now, zone).getYear(), value);
  }

  static String format(int year, long value) {
    return String.format("AS-%04d-%06d", year, value);
  }
}
