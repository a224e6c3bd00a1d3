using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rumbo.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Decision 0035: on PostgreSQL a value's country and indicator version are not foreign key constraints, whose
    /// per-row trigger queries were the largest part of a bulk import's commit. The model keeps both relationships (the
    /// queries navigate them, and SQLite keeps its constraints, a B-tree lookup a row there), so the snapshot still lists
    /// them and no later migration adds them back. What the constraints refused on the referenced side, deleting a
    /// country or a version that has values, a trigger on those tables refuses instead (one lookup a deletion, not one a
    /// value); the values' side is what the import's check and the reporting pages validate against.
    /// </summary>
    public partial class IndicatorValuesLean : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_indicator_values_countries_CountryId",
                table: "indicator_values");

            migrationBuilder.DropForeignKey(
                name: "FK_indicator_values_indicator_versions_IndicatorVersionId",
                table: "indicator_values");

            // The same error code as the constraints raised (23503), so that a refused deletion reads as before.
            migrationBuilder.Sql("""
                CREATE FUNCTION "indicator_values_restrict_country"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM "indicator_values" WHERE "CountryId" = OLD."Id") THEN
                        RAISE EXCEPTION 'country % has indicator values', OLD."Id" USING ERRCODE = 'foreign_key_violation', TABLE = 'indicator_values';
                    END IF;
                    RETURN OLD;
                END $$;
                CREATE TRIGGER "TR_countries_indicator_values" BEFORE DELETE ON "countries"
                    FOR EACH ROW EXECUTE FUNCTION "indicator_values_restrict_country"();
                CREATE FUNCTION "indicator_values_restrict_version"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM "indicator_values" WHERE "IndicatorVersionId" = OLD."Id") THEN
                        RAISE EXCEPTION 'indicator version % has values', OLD."Id" USING ERRCODE = 'foreign_key_violation', TABLE = 'indicator_values';
                    END IF;
                    RETURN OLD;
                END $$;
                CREATE TRIGGER "TR_indicator_versions_indicator_values" BEFORE DELETE ON "indicator_versions"
                    FOR EACH ROW EXECUTE FUNCTION "indicator_values_restrict_version"();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "TR_indicator_versions_indicator_values" ON "indicator_versions";
                DROP FUNCTION "indicator_values_restrict_version"();
                DROP TRIGGER "TR_countries_indicator_values" ON "countries";
                DROP FUNCTION "indicator_values_restrict_country"();
                """);

            migrationBuilder.AddForeignKey(
                name: "FK_indicator_values_countries_CountryId",
                table: "indicator_values",
                column: "CountryId",
                principalTable: "countries",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_indicator_values_indicator_versions_IndicatorVersionId",
                table: "indicator_values",
                column: "IndicatorVersionId",
                principalTable: "indicator_versions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
