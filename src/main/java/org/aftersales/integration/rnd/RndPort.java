package org.aftersales.integration.rnd;

/** The R&D ticket system. Same idempotency key twice: one ticket (or one reopening). */
public interface RndPort {

  void openTicket(RndTicketRequest request, String idempotencyKey) throws Exception;

  void reopenTicket(RndTicketRequest request, String idempotencyKey) throws Exception;
}
