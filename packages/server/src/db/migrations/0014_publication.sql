-- Open311 published every request with the citizen's description and address, KVKK
-- applications, information requests (Law 4982), ihbar and complaints about named staff
-- included. Now a category says what of its requests is published (none, staff_text: the
-- service, place and staff's public replies; citizen_text: also the citizen's words, scrubbed,
-- address, point and photo), and a request type may forbid publication whatever the category.
-- New categories and request types start unpublished: publishing is an administrator's decision.
ALTER TABLE "categories" ADD COLUMN "publication" text DEFAULT 'none' NOT NULL;
--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_publication_check" CHECK ("publication" in ('none', 'staff_text', 'citizen_text'));
--> statement-breakpoint
ALTER TABLE "request_types" ADD COLUMN "publishable" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
-- The default taxonomy's choices (seed/data/taxonomy.json), for databases seeded before them.
-- Never: KVKK (6698 art. 13), information requests (4982), ihbar.
UPDATE "request_types" SET "publishable" = true WHERE "code" in ('talep', 'sikayet', 'oneri', 'tesekkur');
--> statement-breakpoint
-- Problems in a public place: the citizen's words too.
UPDATE "categories" SET "publication" = 'citizen_text' WHERE "code" in ('su-hizmetleri', 'su-kesintisi', 'su-arizasi', 'dusuk-su-basinci', 'su-kalitesi', 'kanalizasyon-hizmetleri', 'kanalizasyon-tikanikligi', 'kanalizasyon-tasmasi', 'rogar-kapagi', 'yagmur-suyu-izgarasi', 'yol-kaldirim', 'yol-cukur', 'asfalt-talebi', 'kaldirim', 'koy-yolu-bakimi', 'kar-buzlanma', 'sokak-aydinlatma', 'ulasim-hizmetleri', 'otobus-gecikme', 'otobus-guzergah', 'tramvay', 'durak', 'trafik-isigi', 'trafik-levha', 'temizlik-atik', 'cop-toplama', 'cop-konteyneri', 'sokak-temizligi', 'moloz-hafriyat', 'cevre', 'hava-kirliligi', 'ilaclama', 'dere-deniz-kirliligi', 'park-yesil-alan', 'park-bakim', 'oyun-grubu', 'agac-budama', 'tehlikeli-agac', 'agaclandirma', 'isgal', 'metruk-bina', 'terk-edilmis-arac', 'tehlikeli-yapi', 'numarataj', 'sokak-hayvanlari', 'yarali-hayvan', 'olu-hayvan', 'su-baskini', 'afet', 'mezarlik-bakim', 'kultur-etkinlik', 'spor-tesisi');
--> statement-breakpoint
-- Ordinary topics that may be about someone's home or business: the staff's words only. Every
-- other category (about a person: social aid, funerals, reservations, staff and driver
-- behaviour, noise, begging, bills, permits, courses; KVKK, 4982, ihbar) stays unpublished.
UPDATE "categories" SET "publication" = 'staff_text' WHERE "code" in ('fosseptik', 'iri-hacimli-atik', 'zabita-kamu-duzeni', 'seyyar-satici', 'isyeri-denetimi', 'imar-yapi', 'hayvanlar', 'saldirgan-kopek', 'kisirlastirma-asilama', 'yangin-afet', 'yangin-ihbar', 'kurtarma', 'yangin-guvenligi', 'kultur-spor', 'genclik-hizmetleri', 'bilgi-gorus', 'genel-bilgi', 'oneri', 'tesekkur');
