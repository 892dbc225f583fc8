-- The language the customer is told things in (zh-CN or en); null: aftersales.locale.
alter table service_case add column customer_language varchar(16);
