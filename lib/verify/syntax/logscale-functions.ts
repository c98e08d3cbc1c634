// CrowdStrike Falcon LogScale query functions (the LogScale query function reference), lower-cased:
// LogScale resolves function names case-insensitively.
export const LOGSCALE_FUNCTIONS = new Set(
  `accumulate array:append array:contains array:dedup array:drop array:eval array:exists array:filter
  array:intersection array:length array:reducerow array:reduceall array:reducecolumn array:regex array:rename
  array:sort array:union asn avg base64decode base64encode beta:param bitfield:extractflags
  bitfield:extractflagsasarray bitfield:extractflagsasstring bucket callfunction case cidr coalesce collect
  communityid concat concatarray copyevent correlate count counterasrate createevents crypto:md5
  crypto:sha1 crypto:sha256 default definetable drop duration end eval eventfieldcount eventinternals
  eventsize fieldset fieldstats findtimestamp format formatduration formattime geography:distance geohash
  getfield groupby hash hashmatch hashrewrite head if in iplocation join json:prettyprint kvparse length
  linreg lower lowercase match math:abs math:arccos math:arcsin math:arctan math:arctan2 math:ceil math:cos
  math:cosh math:deg2rad math:exp math:expm1 math:floor math:log math:log10 math:log1p math:log2 math:mod
  math:pow math:rad2deg math:sin math:sinh math:sqrt math:tan math:tanh max md5 min neighbor now
  objectarray:eval objectarray:exists parsecef parsecsv parsefixedwidth parsehexstring parseint parsejson
  parseleef parsetimestamp parseurl parsexml partition percentile range rdns readfile regex rename replace
  round sample sankey select selectfrommax selectfrommin selectlast selfjoin selfjoinfilter series session
  setfield setfield sha1 sha256 shannonentropy slidingtimewindow slidingwindow sort split splitstring
  stats stddev stripansicodes subnet sum table tail test text:contains text:endswith text:length
  text:positionof text:startswith text:substring text:trim time:dayofmonth time:dayofweek
  time:dayofweekname time:dayofyear time:hour time:millisecond time:minute time:month time:monthname
  time:second time:weekofyear time:year timechart tokenhash top transpose unit:convert upper urldecode
  urlencode wildcard window worldmap writejson xml:prettyprint ioc:lookup`.split(/\s+/),
);
