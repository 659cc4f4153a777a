// 市 ends a city's name in Chinese, in any campaign and any roster, and people leave it off: "广州" is
// "广州市". The one place that knows it; the callers compare names with it after their own normalising.

/** `name` without the 市 that may end it. */
export function withoutCityMark(name: string): string {
  return name.replace(/市$/u, '');
}
