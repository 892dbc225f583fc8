-- Whom to reach at the customer (a name, phone number or e-mail), as "Open a case" asks for it.
alter table service_case add column customer_contact varchar(200);
