-- What a report is written for: the student's level, intake month, UK city and nationality (each null when
-- unknown), and the knowledge base's subject id the query rules resolved the subject to (null when none).

ALTER TABLE reports
  ADD COLUMN subject_id  text CHECK (char_length(subject_id) <= 100),
  ADD COLUMN level       text CHECK (level IN ('undergraduate', 'postgraduate_taught', 'postgraduate_research')),
  ADD COLUMN intake      text CHECK (intake ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  ADD COLUMN city        text CHECK (char_length(city) <= 100),
  ADD COLUMN nationality text CHECK (nationality IN ('IN', 'PK', 'BD', 'LK', 'NP'));
