ALTER TABLE "documents" ALTER COLUMN "pdf" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "content" jsonb;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_pdf_or_content" CHECK ("documents"."pdf" is not null or "documents"."content" is not null);