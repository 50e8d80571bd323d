// GB/T 7714-2015, electronic resources ([EB/OL]), as a CSL style for citeproc (through
// @citation-js/plugin-csl): 作者. 题名[EB/OL]. 站点, 发布日期[引用日期]. URL.
// More than three writers: the first three and 等 (et al. in Latin script). Written for Jingdu:
// the styles repository's full GB/T 7714 style is not on npm.

const date = (variable: string) =>
  `<date variable="${variable}"><date-part name="year"/><date-part name="month" form="numeric-leading-zeros" prefix="-"/><date-part name="day" form="numeric-leading-zeros" prefix="-"/></date>`;

export function gbt7714Style(etAl: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>GB/T 7714-2015 electronic resources (Jingdu)</title><id>jingdu-gbt7714-eb-ol</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <locale><terms><term name="et-al">${etAl}</term></terms></locale>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography>
    <layout suffix=".">
      <group delimiter=". ">
        <names variable="author"><name delimiter=", " delimiter-precedes-et-al="always" et-al-min="4" et-al-use-first="3"/><et-al term="et-al"/></names>
        <group><text variable="title"/><text value="[EB/OL]"/></group>
        <group>
          <group delimiter=", "><text variable="container-title"/>${date('issued')}</group>
          <group prefix="[" suffix="]">${date('accessed')}</group>
        </group>
        <text variable="URL"/>
      </group>
    </layout>
  </bibliography>
</style>`;
}
