using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rumbo.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RecordTranslations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The texts written so far are the sources of their new translatable texts: renamed, never dropped and added,
            // so every record keeps its words. (The scaffold took Body for the heading's source; corrected by hand.)
            migrationBuilder.RenameColumn(
                name: "Heading",
                table: "record_sections",
                newName: "Heading_Source");

            migrationBuilder.RenameColumn(
                name: "Body",
                table: "record_sections",
                newName: "Body_Source");

            migrationBuilder.RenameColumn(
                name: "Text",
                table: "record_outcomes",
                newName: "Text_Source");

            migrationBuilder.RenameColumn(
                name: "Summary",
                table: "meeting_records",
                newName: "Summary_Source");

            migrationBuilder.AddColumn<string>(
                name: "Body_En",
                table: "record_sections",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Body_Es",
                table: "record_sections",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Body_Fr",
                table: "record_sections",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Body_Official",
                table: "record_sections",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Body_Pt",
                table: "record_sections",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Heading_En",
                table: "record_sections",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Heading_Es",
                table: "record_sections",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Heading_Fr",
                table: "record_sections",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Heading_Official",
                table: "record_sections",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Heading_Pt",
                table: "record_sections",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Text_En",
                table: "record_outcomes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Text_Es",
                table: "record_outcomes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Text_Fr",
                table: "record_outcomes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Text_Official",
                table: "record_outcomes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Text_Pt",
                table: "record_outcomes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Summary_En",
                table: "meeting_records",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Summary_Es",
                table: "meeting_records",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Summary_Fr",
                table: "meeting_records",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Summary_Official",
                table: "meeting_records",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Summary_Pt",
                table: "meeting_records",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Body_En",
                table: "record_sections");

            migrationBuilder.DropColumn(
                name: "Body_Es",
                table: "record_sections");

            migrationBuilder.DropColumn(
                name: "Body_Fr",
                table: "record_sections");

            migrationBuilder.DropColumn(
                name: "Body_Official",
                table: "record_sections");

            migrationBuilder.DropColumn(
                name: "Body_Pt",
                table: "record_sections");

            migrationBuilder.DropColumn(
                name: "Heading_En",
                table: "record_sections");

            migrationBuilder.DropColumn(
                name: "Heading_Es",
                table: "record_sections");

            migrationBuilder.DropColumn(
                name: "Heading_Fr",
                table: "record_sections");

            migrationBuilder.DropColumn(
                name: "Heading_Official",
                table: "record_sections");

            migrationBuilder.DropColumn(
                name: "Heading_Pt",
                table: "record_sections");

            migrationBuilder.DropColumn(
                name: "Text_En",
                table: "record_outcomes");

            migrationBuilder.DropColumn(
                name: "Text_Es",
                table: "record_outcomes");

            migrationBuilder.DropColumn(
                name: "Text_Fr",
                table: "record_outcomes");

            migrationBuilder.DropColumn(
                name: "Text_Official",
                table: "record_outcomes");

            migrationBuilder.DropColumn(
                name: "Text_Pt",
                table: "record_outcomes");

            migrationBuilder.DropColumn(
                name: "Summary_En",
                table: "meeting_records");

            migrationBuilder.DropColumn(
                name: "Summary_Es",
                table: "meeting_records");

            migrationBuilder.DropColumn(
                name: "Summary_Fr",
                table: "meeting_records");

            migrationBuilder.DropColumn(
                name: "Summary_Official",
                table: "meeting_records");

            migrationBuilder.DropColumn(
                name: "Summary_Pt",
                table: "meeting_records");

            migrationBuilder.RenameColumn(
                name: "Heading_Source",
                table: "record_sections",
                newName: "Heading");

            migrationBuilder.RenameColumn(
                name: "Body_Source",
                table: "record_sections",
                newName: "Body");

            migrationBuilder.RenameColumn(
                name: "Text_Source",
                table: "record_outcomes",
                newName: "Text");

            migrationBuilder.RenameColumn(
                name: "Summary_Source",
                table: "meeting_records",
                newName: "Summary");
        }
    }
}
