-- A stored failure is a catalogue key and its values, rendered in the reader's language.
ALTER TABLE "Submission" ADD COLUMN "errorValues" JSONB;
ALTER TABLE "VideoJob" ADD COLUMN "errorValues" JSONB;
