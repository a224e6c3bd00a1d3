using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rumbo.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class GroupPageReadModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "group_page_changes",
                columns: table => new
                {
                    GroupId = table.Column<int>(type: "integer", nullable: false),
                    ChangedAtVersion = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_group_page_changes", x => x.GroupId);
                });

            migrationBuilder.CreateTable(
                name: "group_page_snapshots",
                columns: table => new
                {
                    GroupId = table.Column<int>(type: "integer", nullable: false),
                    Internals = table.Column<bool>(type: "boolean", nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    BuiltAtVersion = table.Column<long>(type: "bigint", nullable: false),
                    ValidUntilTicks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_group_page_snapshots", x => new { x.GroupId, x.Internals });
                    table.ForeignKey(
                        name: "FK_group_page_snapshots_groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "group_page_changes");

            migrationBuilder.DropTable(
                name: "group_page_snapshots");
        }
    }
}
