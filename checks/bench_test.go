package checks_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/budgetlint/budgetlint/checks"
	"github.com/budgetlint/budgetlint/parser"
	"github.com/budgetlint/budgetlint/parser/doc"
	"github.com/budgetlint/budgetlint/rules"
)

// largeReport writes a department final-accounts report of about size bytes
// as page text: numbered sections of hard-wrapped narrative with amounts,
// changes and shares, and tables of coded rows, pages ending in a page number.
func largeReport(size int) []byte {
	rng := rand.New(rand.NewPCG(7, 11))
	var sb strings.Builder
	page := 1
	lines := 0
	line := func(s string) {
		sb.WriteString(s)
		sb.WriteByte('\n')
		if lines++; lines%40 == 0 {
			fmt.Fprintf(&sb, "\n                                    - %d -\n\f", page)
			page++
		}
	}
	// wrap hard-wraps a paragraph at 30 characters, as page text does
	wrap := func(p string) {
		rs := []rune(p)
		for len(rs) > 30 {
			line(string(rs[:30]))
			rs = rs[30:]
		}
		line(string(rs))
	}
	money := func() string { return fmt.Sprintf("%d.%02d", 100+rng.IntN(90000), rng.IntN(100)) }
	cjk := []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
	items := []string{"一般公共服务支出", "教育支出", "科学技术支出", "文化旅游体育与传媒支出", "社会保障和就业支出", "卫生健康支出"}
	for sec := 0; sb.Len() < size; sec++ {
		line(fmt.Sprintf("%s、%s决算情况说明", cjk[sec%10], items[sec%len(items)]))
		for range 3 {
			now, before := 1000+rng.IntN(9000), 1000+rng.IntN(9000)
			part := rng.IntN(now)
			wrap(fmt.Sprintf("  2025年度%s决算数为%d.%02d万元，比上年决算数%s%d.%02d万元，%s%d.%d%%。其中：基本支出%d.%02d万元，占%.2f%%；项目支出%s万元。主要原因是人员变动及项目调整。",
				items[rng.IntN(len(items))], now, 15, map[bool]string{true: "增加", false: "减少"}[now > before],
				abs(now-before), 15, map[bool]string{true: "增长", false: "下降"}[now > before],
				abs(now-before)*100/before, rng.IntN(10), part, 40, float64(part)*100/float64(now), money()))
		}
		line("                         收入支出决算表")
		line("                                                单位：万元")
		line("    项目                 决算数       上年决算数      增减")
		for r := range 12 {
			line(fmt.Sprintf("%d    %s      %s      %s      %s", 201+r, items[r%len(items)], money(), money(), money()))
		}
		line(fmt.Sprintf("    合计                 %s      %s      %s", money(), money(), money()))
		line("")
	}
	return []byte(sb.String())
}

func abs(x int) int { return max(x, -x) }

// BenchmarkCheckLargeText checks a report of 2 MB of page text, the size of
// a provincial budget's text. live-MB is the heap the parsed document
// keeps (measured after a collection); B/op counts the parse and the check.
func BenchmarkCheckLargeText(b *testing.B) {
	data := largeReport(2 << 20)
	set, err := rules.DefaultIn(rules.Chinese)
	if err != nil {
		b.Fatal(err)
	}
	eng, err := checks.New(set)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var live float64
	for b.Loop() {
		var before runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		d, err := parser.Parse("large.txt", doc.FormatText, data)
		if err != nil {
			b.Fatal(err)
		}
		var after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&after)
		live = float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
		if fs, _ := eng.Run(d); len(fs) == 0 {
			b.Fatal("no finding: the generated report exercises no check")
		}
		runtime.KeepAlive(d)
	}
	b.ReportMetric(live, "live-MB")
}
