/**
 * Text normalisation for matching sheet text against our vocabulary.
 * Real headers carry full-width digits and brackets, line breaks ("二级\n指标"),
 * spaces ("合  计") and sometimes Traditional characters (權重/評分/指標).
 */

const FULL_WIDTH_RE = /[\uff01-\uff5e\u3000]/;

/** Full-width ASCII (Ｆ, １, （, ％, ：) to half-width; ideographic space to space. Keeps ①②③. */
export function toHalfWidth(s: string): string {
  if (!FULL_WIDTH_RE.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/**
 * Traditional → Simplified for the characters of our vocabulary only. A full converter
 * (OpenCC dictionaries, ~1 MB) would be wasted on header matching; this table covers the
 * words the detector and the rule parser look for.
 */
const TRAD_TO_SIMP: Record<string, string> = {
  權: '权', 評: '评', 標: '标', 準: '准', 數: '数', 級: '级', 總: '总', 計: '计', 額: '额',
  實: '实', 際: '际', 預: '预', 執: '执', 滿: '满', 項: '项', 說: '说', 據: '据', 價: '价',
  產: '产', 決: '决', 過: '过', 結: '结', 資: '资', 經: '经', 濟: '济', 會: '会', 現: '现',
  開: '开', 規: '规', 範: '范', 細: '细', 則: '则', 釋: '释', 見: '见', 議: '议', 況: '况',
  確: '确', 線: '线', 體: '体', 務: '务', 關: '关', 與: '与', 達: '达', 為: '为', 無: '无',
  對: '对', 應: '应', 單: '单', 當: '当', 優: '优', 劣: '劣', 良: '良', 差: '差', 質: '质',
  時: '时', 貨: '货', 幣: '币', 費: '费', 撥: '拨', 款: '款', 餘: '余', 構: '构', 讓: '让', 調: '调', 查: '查', 問: '问', 卷: '卷',
  類: '类', 別: '别', 點: '点', 專: '专', 條: '条', 區: '区', 廣: '广', 東: '东', 業: '业',
  機: '机', 設: '设', 備: '备', 扣: '扣', 減: '减', 順: '顺',
  門: '门', 報: '报', 銷: '销', 買: '买', 購: '购', 建: '建', 築: '筑', 長: '长', 增: '增',
  營: '营', 運: '运', 動: '动', 選: '选', 擇: '择', 記: '记', 錄: '录',
  續: '续', 發: '发', 展: '展', 態: '态', 環: '环', 境: '境', 綠: '绿', 節: '节', 約: '约',
  證: '证', 試: '试', 驗: '验', 處: '处', 兩: '两', 億: '亿', 萬: '万', 個: '个', 佔: '占',
  內: '内', 來: '来', 後: '后', 並: '并', 於: '于', 註: '注', 統: '统', 銀: '银',
  稅: '税', 獲: '获', 勵: '励', 獎: '奖', 補: '补', 貼: '贴', 進: '进', 度: '度',
  // The words of rule texts (评分标准) and reasons.
  績: '绩', 層: '层', 領: '领', 導: '导', 遲: '迟', 歲: '岁', 齡: '龄', 違: '违', 審: '审', 檢: '检', 測: '测', 劃: '划',
  編: '编', 製: '制', 還: '还', 虧: '亏', 損: '损', 給: '给', 該: '该', 這: '这', 嚴: '严', 齊: '齐', 論: '论', 書: '书',
  檔: '档', 訂: '订', 簽: '签', 參: '参', 詳: '详', 請: '请', 認: '认', 識: '识', 錯: '错', 誤: '误', 紀: '纪', 値: '值',
  傳: '传', 遞: '递', 視: '视', 適: '适', 滯: '滞', 從: '从', 將: '将', 屬: '属', 衛: '卫', 醫: '医', 療: '疗', 藥: '药',
  農: '农', 鄉: '乡', 鎮: '镇', 縣: '县', 辦: '办', 職: '职', 責: '责', 義: '义', 員: '员', 隊: '队', 團: '团', 隨: '随',
  監: '监', 協: '协', 護: '护', 險: '险', 災: '灾', 難: '难', 維: '维', 養: '养', 園: '园', 藝: '艺', 術: '术', 殘: '残',
  僅: '仅', 帳: '账', 賬: '账', 轉: '转', 覈: '核', 場: '场', 號: '号', 頁: '页', 圍: '围', 間: '间', 較: '较', 異: '异',
  離: '离', 積: '积', 極: '极', 響: '响', 舉: '举', 組: '组', 織: '织', 閉: '闭', 題: '题',
  // Units and verbs of rule texts printed in Traditional characters (畝, 戶, 輛; 拋荒, 爭取, 種植).
  畝: '亩', 戶: '户', 輛: '辆', 車: '车', 頭: '头', 臺: '台', 張: '张', 雙: '双', 種: '种', 糧: '粮', 拋: '抛',
  連: '连', 轄: '辖', 沒: '没', 堅: '坚', 綜: '综', 爭: '争', 語: '语', 寫: '写', 訪: '访', 談: '谈', 話: '话',
  簡: '简', 畢: '毕', 遠: '远', 舊: '旧', 壞: '坏', 蓋: '盖', 壓: '压', 傷: '伤', 廠: '厂', 紙: '纸', 戰: '战',
};

const TRAD_CLASS = `[${Object.keys(TRAD_TO_SIMP).join('')}]`;
const TRAD_RE = new RegExp(TRAD_CLASS, 'g');
/** Without the g flag: test() keeps no lastIndex between calls. */
const HAS_TRAD_RE = new RegExp(TRAD_CLASS);

/** One character, Traditional → Simplified where the table knows it. */
export function simplifiedChar(ch: string): string {
  return TRAD_TO_SIMP[ch] ?? ch;
}

export function toSimplified(s: string): string {
  if (!HAS_TRAD_RE.test(s)) return s;
  return s.replace(TRAD_RE, (ch) => TRAD_TO_SIMP[ch] ?? ch);
}

/** Half-width, simplified, no whitespace at all: the form every vocabulary match uses. */
export function normalizeForMatch(s: string): string {
  return toSimplified(toHalfWidth(s)).replace(/[\s\u00a0\u200b]+/g, '');
}

/** Half-width and simplified, whitespace runs collapsed to one space, trimmed: for display and rule text. */
export function normalizeText(s: string): string {
  return toSimplified(toHalfWidth(s)).replace(/[\u00a0\u200b]/g, ' ').replace(/[ \t]+/g, ' ').trim();
}
