using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rumbo.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MeetingsDocumentsPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "calendar_feeds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_feeds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_calendar_feeds_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meeting_series",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecurrenceRule = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_series", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meeting_series_groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "meetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StartsAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    OnlineUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CountryId = table.Column<int>(type: "INTEGER", nullable: true),
                    Access = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SeriesId = table.Column<int>(type: "INTEGER", nullable: true),
                    CalendarUid = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CalendarSequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Description_En = table.Column<string>(type: "TEXT", nullable: true),
                    Description_Es = table.Column<string>(type: "TEXT", nullable: true),
                    Description_Fr = table.Column<string>(type: "TEXT", nullable: true),
                    Description_Pt = table.Column<string>(type: "TEXT", nullable: true),
                    Description_Source = table.Column<string>(type: "TEXT", nullable: false),
                    Title_En = table.Column<string>(type: "TEXT", nullable: true),
                    Title_Es = table.Column<string>(type: "TEXT", nullable: true),
                    Title_Fr = table.Column<string>(type: "TEXT", nullable: true),
                    Title_Pt = table.Column<string>(type: "TEXT", nullable: true),
                    Title_Source = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meetings_countries_CountryId",
                        column: x => x.CountryId,
                        principalTable: "countries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_meetings_groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_meetings_meeting_series_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "meeting_series",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "agreements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AdoptedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Text_En = table.Column<string>(type: "TEXT", nullable: true),
                    Text_Es = table.Column<string>(type: "TEXT", nullable: true),
                    Text_Fr = table.Column<string>(type: "TEXT", nullable: true),
                    Text_Pt = table.Column<string>(type: "TEXT", nullable: true),
                    Text_Source = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_agreements_groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_agreements_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "meeting_items",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    PresenterPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    PresenterName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    Description_En = table.Column<string>(type: "TEXT", nullable: true),
                    Description_Es = table.Column<string>(type: "TEXT", nullable: true),
                    Description_Fr = table.Column<string>(type: "TEXT", nullable: true),
                    Description_Pt = table.Column<string>(type: "TEXT", nullable: true),
                    Description_Source = table.Column<string>(type: "TEXT", nullable: false),
                    Title_En = table.Column<string>(type: "TEXT", nullable: true),
                    Title_Es = table.Column<string>(type: "TEXT", nullable: true),
                    Title_Fr = table.Column<string>(type: "TEXT", nullable: true),
                    Title_Pt = table.Column<string>(type: "TEXT", nullable: true),
                    Title_Source = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meeting_items_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meeting_items_people_PresenterPersonId",
                        column: x => x.PresenterPersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "meeting_participants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountryId = table.Column<int>(type: "INTEGER", nullable: true),
                    InvitedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RegisteredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Response = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attended = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_participants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meeting_participants_countries_CountryId",
                        column: x => x.CountryId,
                        principalTable: "countries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_meeting_participants_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meeting_participants_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "meeting_records",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", nullable: false),
                    Dissemination = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ApprovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovedByPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meeting_records_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meeting_records_people_ApprovedByPersonId",
                        column: x => x.ApprovedByPersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "work_plans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AdoptedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AdoptedAtMeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    AdoptionNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Description_En = table.Column<string>(type: "TEXT", nullable: true),
                    Description_Es = table.Column<string>(type: "TEXT", nullable: true),
                    Description_Fr = table.Column<string>(type: "TEXT", nullable: true),
                    Description_Pt = table.Column<string>(type: "TEXT", nullable: true),
                    Description_Source = table.Column<string>(type: "TEXT", nullable: false),
                    Title_En = table.Column<string>(type: "TEXT", nullable: true),
                    Title_Es = table.Column<string>(type: "TEXT", nullable: true),
                    Title_Fr = table.Column<string>(type: "TEXT", nullable: true),
                    Title_Pt = table.Column<string>(type: "TEXT", nullable: true),
                    Title_Source = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_work_plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_work_plans_groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_work_plans_meetings_AdoptedAtMeetingId",
                        column: x => x.AdoptedAtMeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "agreement_follow_ups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    EvidenceUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReportedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReportedByPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreement_follow_ups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_agreement_follow_ups_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_agreement_follow_ups_countries_CountryId",
                        column: x => x.CountryId,
                        principalTable: "countries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_agreement_follow_ups_people_ReportedByPersonId",
                        column: x => x.ReportedByPersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "agreement_lines",
                columns: table => new
                {
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    LineOfActionId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agreement_lines", x => new { x.AgreementId, x.LineOfActionId });
                    table.ForeignKey(
                        name: "FK_agreement_lines_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_agreement_lines_lines_of_action_LineOfActionId",
                        column: x => x.LineOfActionId,
                        principalTable: "lines_of_action",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "documents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Symbol = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_documents_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_documents_groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_documents_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "meeting_item_lines",
                columns: table => new
                {
                    MeetingItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    LineOfActionId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_item_lines", x => new { x.MeetingItemId, x.LineOfActionId });
                    table.ForeignKey(
                        name: "FK_meeting_item_lines_lines_of_action_LineOfActionId",
                        column: x => x.LineOfActionId,
                        principalTable: "lines_of_action",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_meeting_item_lines_meeting_items_MeetingItemId",
                        column: x => x.MeetingItemId,
                        principalTable: "meeting_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "record_sections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeetingItemId = table.Column<int>(type: "INTEGER", nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Heading = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_record_sections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_record_sections_meeting_items_MeetingItemId",
                        column: x => x.MeetingItemId,
                        principalTable: "meeting_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_record_sections_meeting_records_RecordId",
                        column: x => x.RecordId,
                        principalTable: "meeting_records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_activities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    StartMonth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndMonth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ResponsibleGroupId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Description_En = table.Column<string>(type: "TEXT", nullable: true),
                    Description_Es = table.Column<string>(type: "TEXT", nullable: true),
                    Description_Fr = table.Column<string>(type: "TEXT", nullable: true),
                    Description_Pt = table.Column<string>(type: "TEXT", nullable: true),
                    Description_Source = table.Column<string>(type: "TEXT", nullable: false),
                    Title_En = table.Column<string>(type: "TEXT", nullable: true),
                    Title_Es = table.Column<string>(type: "TEXT", nullable: true),
                    Title_Fr = table.Column<string>(type: "TEXT", nullable: true),
                    Title_Pt = table.Column<string>(type: "TEXT", nullable: true),
                    Title_Source = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_activities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_activities_groups_ResponsibleGroupId",
                        column: x => x.ResponsibleGroupId,
                        principalTable: "groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_plan_activities_work_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "work_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "document_lines",
                columns: table => new
                {
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    LineOfActionId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document_lines", x => new { x.DocumentId, x.LineOfActionId });
                    table.ForeignKey(
                        name: "FK_document_lines_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_document_lines_lines_of_action_LineOfActionId",
                        column: x => x.LineOfActionId,
                        principalTable: "lines_of_action",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "document_versions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MediaType = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Extension = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ExtractedText = table.Column<string>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedByUserId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_document_versions_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "record_comments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    SectionId = table.Column<int>(type: "INTEGER", nullable: true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_record_comments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_record_comments_meeting_records_RecordId",
                        column: x => x.RecordId,
                        principalTable: "meeting_records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_record_comments_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_record_comments_record_sections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "record_sections",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "record_outcomes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    OwnerPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_record_outcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_record_outcomes_people_OwnerPersonId",
                        column: x => x.OwnerPersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_record_outcomes_record_sections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "record_sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_activity_countries",
                columns: table => new
                {
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountryId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_activity_countries", x => new { x.ActivityId, x.CountryId });
                    table.ForeignKey(
                        name: "FK_plan_activity_countries_countries_CountryId",
                        column: x => x.CountryId,
                        principalTable: "countries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_plan_activity_countries_plan_activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "plan_activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_activity_lines",
                columns: table => new
                {
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: false),
                    LineOfActionId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_activity_lines", x => new { x.ActivityId, x.LineOfActionId });
                    table.ForeignKey(
                        name: "FK_plan_activity_lines_lines_of_action_LineOfActionId",
                        column: x => x.LineOfActionId,
                        principalTable: "lines_of_action",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_plan_activity_lines_plan_activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "plan_activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_agreement_follow_ups_AgreementId_CountryId",
                table: "agreement_follow_ups",
                columns: new[] { "AgreementId", "CountryId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_agreement_follow_ups_CountryId",
                table: "agreement_follow_ups",
                column: "CountryId");

            migrationBuilder.CreateIndex(
                name: "IX_agreement_follow_ups_ReportedByPersonId",
                table: "agreement_follow_ups",
                column: "ReportedByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_agreement_lines_LineOfActionId",
                table: "agreement_lines",
                column: "LineOfActionId");

            migrationBuilder.CreateIndex(
                name: "IX_agreements_GroupId",
                table: "agreements",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_agreements_MeetingId_Number",
                table: "agreements",
                columns: new[] { "MeetingId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_calendar_feeds_TokenHash",
                table: "calendar_feeds",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_calendar_feeds_UserId",
                table: "calendar_feeds",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_document_lines_LineOfActionId",
                table: "document_lines",
                column: "LineOfActionId");

            migrationBuilder.CreateIndex(
                name: "IX_document_versions_ContentHash",
                table: "document_versions",
                column: "ContentHash");

            migrationBuilder.CreateIndex(
                name: "IX_document_versions_DocumentId_Number",
                table: "document_versions",
                columns: new[] { "DocumentId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_documents_AgreementId",
                table: "documents",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_documents_GroupId",
                table: "documents",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_documents_MeetingId",
                table: "documents",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_item_lines_LineOfActionId",
                table: "meeting_item_lines",
                column: "LineOfActionId");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_items_MeetingId_Position",
                table: "meeting_items",
                columns: new[] { "MeetingId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_meeting_items_PresenterPersonId",
                table: "meeting_items",
                column: "PresenterPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_participants_CountryId",
                table: "meeting_participants",
                column: "CountryId");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_participants_MeetingId_PersonId",
                table: "meeting_participants",
                columns: new[] { "MeetingId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_meeting_participants_PersonId",
                table: "meeting_participants",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_records_ApprovedByPersonId",
                table: "meeting_records",
                column: "ApprovedByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_records_MeetingId_Number",
                table: "meeting_records",
                columns: new[] { "MeetingId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_meeting_series_GroupId",
                table: "meeting_series",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_CalendarUid",
                table: "meetings",
                column: "CalendarUid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_meetings_CountryId",
                table: "meetings",
                column: "CountryId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_GroupId_StartsAtUtc",
                table: "meetings",
                columns: new[] { "GroupId", "StartsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_meetings_SeriesId",
                table: "meetings",
                column: "SeriesId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_StartsAtUtc",
                table: "meetings",
                column: "StartsAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_plan_activities_PlanId_Position",
                table: "plan_activities",
                columns: new[] { "PlanId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_activities_ResponsibleGroupId",
                table: "plan_activities",
                column: "ResponsibleGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_activity_countries_CountryId",
                table: "plan_activity_countries",
                column: "CountryId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_activity_lines_LineOfActionId",
                table: "plan_activity_lines",
                column: "LineOfActionId");

            migrationBuilder.CreateIndex(
                name: "IX_record_comments_PersonId",
                table: "record_comments",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_record_comments_RecordId",
                table: "record_comments",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_record_comments_SectionId",
                table: "record_comments",
                column: "SectionId");

            migrationBuilder.CreateIndex(
                name: "IX_record_outcomes_OwnerPersonId",
                table: "record_outcomes",
                column: "OwnerPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_record_outcomes_SectionId",
                table: "record_outcomes",
                column: "SectionId");

            migrationBuilder.CreateIndex(
                name: "IX_record_sections_MeetingItemId",
                table: "record_sections",
                column: "MeetingItemId");

            migrationBuilder.CreateIndex(
                name: "IX_record_sections_RecordId_Position",
                table: "record_sections",
                columns: new[] { "RecordId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_work_plans_AdoptedAtMeetingId",
                table: "work_plans",
                column: "AdoptedAtMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_work_plans_GroupId",
                table: "work_plans",
                column: "GroupId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agreement_follow_ups");

            migrationBuilder.DropTable(
                name: "agreement_lines");

            migrationBuilder.DropTable(
                name: "calendar_feeds");

            migrationBuilder.DropTable(
                name: "document_lines");

            migrationBuilder.DropTable(
                name: "document_versions");

            migrationBuilder.DropTable(
                name: "meeting_item_lines");

            migrationBuilder.DropTable(
                name: "meeting_participants");

            migrationBuilder.DropTable(
                name: "plan_activity_countries");

            migrationBuilder.DropTable(
                name: "plan_activity_lines");

            migrationBuilder.DropTable(
                name: "record_comments");

            migrationBuilder.DropTable(
                name: "record_outcomes");

            migrationBuilder.DropTable(
                name: "documents");

            migrationBuilder.DropTable(
                name: "plan_activities");

            migrationBuilder.DropTable(
                name: "record_sections");

            migrationBuilder.DropTable(
                name: "agreements");

            migrationBuilder.DropTable(
                name: "work_plans");

            migrationBuilder.DropTable(
                name: "meeting_items");

            migrationBuilder.DropTable(
                name: "meeting_records");

            migrationBuilder.DropTable(
                name: "meetings");

            migrationBuilder.DropTable(
                name: "meeting_series");
        }
    }
}
