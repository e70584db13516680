CREATE TABLE greeting (text VARCHAR(100) NOT NULL);
INSERT INTO greeting (text) VALUES ('hello from the host');
