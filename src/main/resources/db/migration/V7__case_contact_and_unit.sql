-- Whom to reach at the customer (a name, phone number or e-mail), as "Open a case" asks for it.
alter table service_case add column customer_contact varchar(200);

-- Tasklist's case tab lists the earlier cases of the same unit.
create index service_case_serial on service_case (serial_number, opened_at);
