package checks

import "testing"

// Lists a careful reader would not add up, each a class seen in government
// reports and statistical bulletins: a total is reported only when no
// plausible reading of its parts fits it.
func TestSumPartsCharitable(t *testing.T) {
	runCases(t, "sum-parts", []narrativeCase{
		{"per-capita incomes do not add",
			"全年全体居民人均可支配收入35210元，比上年增长5.8%。其中，城镇居民人均可支配收入46380元，增长4.9%；农村居民人均可支配收入22870元，增长6.7%。", 0, ""},
		{"per-capita spending, in one sentence",
			"全体居民人均消费支出24610元，增长4.1%，其中城镇居民人均消费支出30150元；农村居民人均消费支出17420元。", 0, ""},
		{"a ；-segment after a list of several parts is another quantity (counts)",
			"年末全县共有文化馆9个，其中一级馆4个、二级馆3个；公共图书馆8个，博物馆5个。", 0, ""},
		{"a ；-segment after one part is another quantity (deposits, loans)",
			"年末金融机构人民币各项存款余额3120.50亿元，比上年末增长7.2%，其中境内住户存款余额2410.36亿元，增长9.1%；人民币各项贷款余额2288.74亿元，增长6.5%。", 0, ""},
		{"a second breakdown of the same total after ；",
			"全年监测对象共4210户，其中，脱贫不稳定户1530户，边缘易致贫户1820户，突发严重困难户860户；风险已消除3650户，风险未消除560户。", 0, ""},
		{"the budget a completion rate is taken of is not the total",
			"全县一般公共预算收入完成86420万元，为年初预算85000万元的101.7%，其中：税收收入52130万元，增长3.1%；非税收入34290万元，下降2.4%。", 0, ""},
		{"其中 inside a clause (对其中) opens no list",
			"全年对120个新增项目开展事前绩效评估，财政部门对其中95个项目开展重点评价，对18个部门开展整体支出绩效评价。", 0, ""},
		{"a threshold is not an amount",
			"政府采购预算总额120.00万元，其中：单位价值50万元以上的设备购置60.00万元，服务采购30.00万元。", 0, ""},
		{"a change in a count is neither the total nor a part",
			"新批境外投资项目31个，较上年减少4个，其中“一带一路”沿线项目14个，较上年减少5个。", 0, ""},
		{"a computed aggregate (收入加…) and a 收入总计 end the list",
			"全市一般公共预算收入预算为380000万元，比上年增长4.0%。其中：市本级一般公共预算收入预算为205000万元，比上年增加6000万元，增长3.0%，一般公共预算收入加预计转移性收入168000万元、调入资金21000万元，市本级收入总计394000万元。", 0, ""},
		{"the next inline numbered item is not a part",
			"（五）机关运行经费支出186.20万元，其中：人员支出171.30万元；公用支出14.90万元（六）政府采购支出总额52.00万元，其中：货物采购30.00万元。", 0, ""},
		{"a list of items of both sides under two totals",
			"2025年，市级政府性基金预算收入完成48.20亿元，比上年增长6.1%；市级政府性基金预算支出完成95.40亿元，比上年下降12.3%。现将部分收支科目执行情况说明如下：\n——国有土地使用权出让收入。完成40.10亿元，增长8.2%。\n——城乡社区支出。完成70.60亿元，下降10.5%。\n——债务付息支出。完成9.80亿元，增长4.1%。\n", 0, ""},
		{"a loss among profits",
			"全年规模以上工业企业实现利润12.40亿元，下降8.0%，其中国有控股企业亏损1.20亿元，私营企业实现利润9.60亿元，外商投资企业实现利润4.10亿元。", 0, ""},
		{"an aggregate listed beside its own components",
			"一般公共预算支出612.30亿元，下降5.2%。其中，教育支出120.40亿元，增长0.6%；社会保障和就业支出88.10亿元，增长4.9%；民生支出460.20亿元，占一般公共预算支出比重75.2%。", 0, ""},

		// the contradictions stay
		{"a comma list above its total",
			"（1）税收收入96000万元。其中：增值税38000万元，企业所得税17000万元，个人所得税5000万元，城市维护建设税、契税等24000万元，资源税15000万元。", 1, "96000万元"},
		{"税收 and 非税 are all of the revenue: segmented, still summed",
			"2019年市本级一般公共预算收入年初预算为400000万元，实际完成412380万元，为预算的103.1%。其中：税收收入完成276400万元，为预算的97.5%；非税收入完成139870万元，为预算的118.0%。", 1, "412380"},
		{"mixed units are converted exactly",
			"全市政府债务余额合计132.70亿元，其中：一般债务907400万元，专项债务419600万元。", 0, ""},
		{"mixed units, above the total",
			"全市政府债务余额合计132.70亿元，其中：一般债务917400万元，专项债务419600万元。", 1, "132.70"},
	})
}

// Counted lists are checked when they are one list, known whole.
func TestSumPartsCounts(t *testing.T) {
	runCases(t, "sum-parts", []narrativeCase{
		{"awards in brackets add up", "获得科技奖励12项（其中：一等奖3项、二等奖4项、三等奖5项）。", 0, ""},
		{"awards in brackets above their count", "获得科技奖励12项（其中：一等奖3项、二等奖5项、三等奖6项）。", 1, "12项"},
		{"a count after ；belongs to another quantity", "全市共有气象观测站7个，其中国家基准气候站1个、国家基本气象站6个；区域气象自动站312个。", 0, ""},
	})
}
