using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mera.Core.Data.Migrations;

/// <summary>
/// Fresh aggregates (issue 22 §1, ADR 0029): per period, org unit above school and indicator, the sums of numerators
/// and denominators and the schools reported and expected — kept current in the transaction of every value write.
/// `indicator_total_periods` lists the periods built; `fresh = 0` marks one to rebuild (a catalog or registry change),
/// during which the engine computes from the values.
/// </summary>
[DbContext(typeof(MeraDbContext))]
[Migration("20261130000019_IndicatorTotals")]
public sealed class M0019_IndicatorTotals : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.Sql("""
            CREATE TABLE indicator_total_periods (
              period_code text NOT NULL CONSTRAINT pk_indicator_total_periods PRIMARY KEY,
              fresh integer NOT NULL
            )
            """);
        m.Sql("""
            CREATE TABLE indicator_totals (
              period_code text NOT NULL,
              org_unit_id integer NOT NULL,
              indicator_id integer NOT NULL,
              numerator double precision NOT NULL,
              denominator double precision NOT NULL,
              reported integer NOT NULL,
              expected integer NOT NULL,
              CONSTRAINT pk_indicator_totals PRIMARY KEY (period_code, org_unit_id, indicator_id)
            )
            """);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.Sql("DROP TABLE indicator_totals");
        m.Sql("DROP TABLE indicator_total_periods");
    }
}
