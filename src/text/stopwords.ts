// English function words and news-reporting verbs that say nothing about which
// event an article covers ("said", "told", "according").
export const STOPWORDS = new Set(
  `a about above after again against all almost also although always am among an and another any anyone anything are
  around as at be became because become been before being below between both but by can cannot could did do does doing
  done down during each either else even ever every few for from further had has have having he her here hers herself
  him himself his how however i if in into is it its itself just least less like made make many may me might more most
  much must my myself near neither never new no nor not now of off often on once one only or other others our ours
  ourselves out over own per perhaps rather same several she should since so some still such than that the their
  theirs them themselves then there these they this those though through thus to too under until up upon us very was
  we were what whatever when where whether which while who whom whose why will with within without would yet you your
  yours yourself yourselves said says say saying told tell according added adding reported reports report reporting
  news according week weeks day days year years time times today yesterday tomorrow monday tuesday wednesday thursday
  friday saturday sunday january february march april may june july august september october november december
  mr mrs ms dr people including include includes including first last two three four five six seven eight nine ten
  get got going go goes went come came take took taken give gave given know known want wanted see seen way well back
  part still number many much lot thing things told asked called call calls statement spokesman spokeswoman official
  officials percent cent million billion thousand hundred dozens`
    .split(/\s+/)
    .filter(Boolean),
);
