CREATE TABLE invoice (id BIGINT PRIMARY KEY, customer VARCHAR(100) NOT NULL);
INSERT INTO invoice (id, customer) VALUES (1, 'ACME');
