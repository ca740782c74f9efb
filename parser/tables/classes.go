package tables

// Classes maps the function classification's 类 codes to their names, so a
// summary table's expenditure line (八、社会保障和就业支出) can be matched to
// the coded rows of the other tables (208).
var Classes = map[string]string{
	"201": "一般公共服务支出", "202": "外交支出", "203": "国防支出", "204": "公共安全支出",
	"205": "教育支出", "206": "科学技术支出", "207": "文化旅游体育与传媒支出", "208": "社会保障和就业支出",
	"209": "社会保险基金支出", "210": "卫生健康支出", "211": "节能环保支出", "212": "城乡社区支出",
	"213": "农林水支出", "214": "交通运输支出", "215": "资源勘探工业信息等支出", "216": "商业服务业等支出",
	"217": "金融支出", "219": "援助其他地区支出", "220": "自然资源海洋气象等支出", "221": "住房保障支出",
	"222": "粮油物资储备支出", "223": "国有资本经营预算支出", "224": "灾害防治及应急管理支出", "227": "预备费",
	"229": "其他支出", "230": "转移性支出", "231": "债务还本支出", "232": "债务付息支出",
	"233": "债务发行费用支出", "234": "抗疫特别国债安排的支出",
}

// ClassOf returns the 类 code a summary line's label names, "" if none.
func ClassOf(label string) string {
	l := Fold(StripEnum(label))
	for code, name := range Classes {
		if l == name {
			return code
		}
	}
	return ""
}
