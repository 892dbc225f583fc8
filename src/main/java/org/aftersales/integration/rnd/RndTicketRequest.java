package org.aftersales.integration.rnd;

/**
 * What R&D gets to open ({@code round} 1) or reopen (round 2, 3, ...) a bug ticket. The
 * ticket key is ours: R&D's callbacks name it.
 */
public record RndTicketRequest(String action, String ticketKey, String caseNumber, int round, String productSku,
    String productLine, String summary, String reproductionSteps, String retestNotes) {

  public static final String OPEN = "open";
  public static final String REOPEN = "reopen";
}
