package org.aftersales.testsupport;

import java.time.LocalDate;
import org.aftersales.servicecase.NewCaseRequest;

/** Case requests as clients send them, to vary in tests. */
public final class Cases {

  private Cases() {
  }

  public static NewCaseRequest request(String category, String priority, String channel, String contractLevel,
      boolean complaint) {
    return new NewCaseRequest(
        new NewCaseRequest.Customer("C-1001", "Acme Film Studio", "Beijing", 1, contractLevel),
        new NewCaseRequest.Product("OA-SUITE", "software", "SN-000123", LocalDate.of(2026, 3, 1)),
        channel, priority, category, complaint,
        "Approval flow stops after the form was changed");
  }

  public static NewCaseRequest standardBug() {
    return request("bug", "normal", "hotline", "standard", false);
  }

  /** The DESIGN §3 example as JSON. */
  public static String exampleJson() {
    return """
        { "customer": { "id": "C-1001", "name": "Acme Film Studio", "city": "Beijing",
                        "cityTier": 1, "contractLevel": "standard" },
          "product":  { "sku": "OA-SUITE", "productLine": "software",
                        "serialNumber": "SN-000123", "purchaseDate": "2026-03-01" },
          "channel": "hotline", "priority": "normal", "category": "bug",
          "description": "Approval flow stops after the form was changed" }
        """;
  }
}
