package org.aftersales.servicecase;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A case as {@code POST /api/cases} takes it (DESIGN §3). */
public record NewCaseRequest(
    @NotNull(message = "is required") @Valid Customer customer,
    @NotNull(message = "is required") @Valid Product product,
    @NotBlank(message = "is required")
    @Pattern(regexp = "sales|hotline|portal|email", message = "must be one of sales, hotline, portal, email")
    String channel,
    @Pattern(regexp = "low|normal|high|urgent", message = "must be one of low, normal, high, urgent")
    String priority,
    @Pattern(regexp = "consultation|bug|repair|return-exchange|refund",
        message = "must be one of consultation, bug, repair, return-exchange, refund")
    String category,
    Boolean complaint,
    @NotBlank(message = "is required")
    // The engine keeps text variables up to 4000 characters.
    @Size(max = 4000, message = "must be at most 4000 characters")
    String description) {

  public static final String DEFAULT_PRIORITY = "normal";
  public static final String DEFAULT_CONTRACT_LEVEL = "standard";

  public record Customer(
      @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters")
      String id,
      @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
      String name,
      @Size(max = 100, message = "must be at most 100 characters")
      String city,
      @Min(value = 1, message = "must be between 1 and 5") @Max(value = 5, message = "must be between 1 and 5")
      Integer cityTier,
      @Pattern(regexp = "standard|premium", message = "must be one of standard, premium")
      String contractLevel,
      /** How to reach the customer's contact person: a name, phone number or e-mail. */
      @Size(max = 200, message = "must be at most 200 characters")
      String contact,
      /** The language the customer is told things in; none: {@code aftersales.locale}. */
      @Pattern(regexp = "zh-CN|en", message = "must be one of zh-CN, en")
      String language) {

    public Customer(String id, String name, String city, Integer cityTier, String contractLevel) {
      this(id, name, city, cityTier, contractLevel, null, null);
    }
  }

  public record Product(
      @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters")
      String sku,
      @Size(max = 64, message = "must be at most 64 characters")
      String productLine,
      @Size(max = 64, message = "must be at most 64 characters")
      String serialNumber,
      LocalDate purchaseDate) {
  }

  public String priorityOrDefault() {
    return priority == null ? DEFAULT_PRIORITY : priority;
  }

  public String contractLevelOrDefault() {
    return customer.contractLevel() == null ? DEFAULT_CONTRACT_LEVEL : customer.contractLevel();
  }
}
