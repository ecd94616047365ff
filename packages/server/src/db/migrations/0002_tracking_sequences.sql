-- One sequence per year for tracking numbers (YYYY-NNNNNNN). Created ahead of time: creating
-- them on first use inside intake transactions races between concurrent intakes.
DO $$
BEGIN
  FOR y IN 2000..2100 LOOP
    EXECUTE format('CREATE SEQUENCE IF NOT EXISTS request_tracking_%s MAXVALUE 9999999', y);
  END LOOP;
END $$;
