ALTER TYPE "public"."document_kind" ADD VALUE 'correction';--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "corrects_document_id" integer;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_corrects_fk" FOREIGN KEY ("corrects_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_correction_names_invoice" CHECK (("documents"."kind"::text = 'correction') = ("documents"."corrects_document_id" is not null));