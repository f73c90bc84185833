// Hand-written word lists of the entity extractor: what the generated
// name list (data/entity-names.txt.gz, from GeoNames, world-countries and
// WordNet) does not know or cannot know: news titles, the words that head
// organization and place names, given names beyond WordNet's famous people,
// and the short names and self-designations of well-known organizations.

const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

export type AliasType = 'person' | 'organization' | 'place' | 'group';

/**
 * Well-known entities under their canonical name, with the other names news
 * text gives them: acronyms, short forms, self-designations. Matching ignores
 * case, periods and a leading "the".
 */
export const ALIASES: [AliasType, string, string[]][] = [
  ['organization', 'Agence France-Presse', ['AFP', 'Agence France Presse', 'France-Presse']],
  ['organization', 'Associated Press', ['AP']],
  ['organization', 'Reuters', ['Thomson Reuters']],
  ['organization', 'Bloomberg', ['Bloomberg News']],
  ['organization', 'Xinhua', ['Xinhua News Agency']],
  ['organization', 'BBC', ['British Broadcasting Corporation', 'BBC News']],
  ['organization', 'CNN', ['Cable News Network']],
  ['organization', 'Al Jazeera', ['Al-Jazeera', 'Aljazeera']],
  ['organization', 'United Nations', ['UN', 'U.N.', 'United Nations Organization']],
  ['organization', 'UN Security Council', ['United Nations Security Council', 'U.N. Security Council', 'UNSC', 'Security Council']],
  ['organization', 'UN General Assembly', ['United Nations General Assembly', 'General Assembly']],
  ['organization', 'UNHCR', ['United Nations High Commissioner for Refugees', 'UN High Commissioner for Refugees', 'UN refugee agency']],
  ['organization', 'UNICEF', ["United Nations Children's Fund", "UN Children's Fund"]],
  ['organization', 'World Food Programme', ['WFP', 'World Food Program']],
  ['organization', 'World Health Organization', ['WHO', 'World Health Organisation']],
  ['organization', 'International Monetary Fund', ['IMF']],
  ['organization', 'World Bank', []],
  ['organization', 'International Atomic Energy Agency', ['IAEA']],
  ['organization', 'International Criminal Court', ['ICC']],
  ['organization', 'International Committee of the Red Cross', ['ICRC', 'Red Cross']],
  ['organization', 'Doctors Without Borders', ['MSF', 'Médecins Sans Frontières', 'Medecins Sans Frontieres']],
  ['organization', 'Amnesty International', ['Amnesty']],
  ['organization', 'Human Rights Watch', ['HRW']],
  ['organization', 'North Atlantic Treaty Organization', ['NATO', 'Nato']],
  ['organization', 'European Union', ['EU', 'E.U.']],
  ['organization', 'European Commission', ['EC']],
  ['organization', 'African Union', ['AU']],
  ['organization', 'Organization of the Petroleum Exporting Countries', ['OPEC']],
  ['organization', 'Association of Southeast Asian Nations', ['ASEAN']],
  ['organization', 'Organization for Security and Co-operation in Europe', ['OSCE']],
  ['organization', 'Taliban', ['Islamic Emirate of Afghanistan', 'Islamic Emirate', 'Taleban']],
  ['organization', 'Islamic State', ['ISIS', 'ISIL', 'Daesh', 'Daish', 'Islamic State group', 'Islamic State of Iraq and the Levant', 'Islamic State of Iraq and Syria', 'Islamic State of Iraq']],
  ['organization', 'al-Qaeda', ['al Qaeda', 'al-Qaida', 'al Qaida', "al-Qa'ida", 'Qaeda']],
  ['organization', 'al-Shabaab', ['al-Shabab', 'al Shabaab', 'al Shabab', 'Shabaab', 'Shabab']],
  ['organization', 'Hezbollah', ['Hizbollah', 'Hizballah', 'Hizbullah']],
  ['organization', 'Hamas', ['Islamic Resistance Movement']],
  ['organization', 'Houthis', ['Houthi', 'Ansar Allah', 'Ansarullah']],
  ['organization', 'Boko Haram', []],
  ['organization', 'Haqqani network', ['Haqqani Network']],
  ['organization', 'Pentagon', ['Department of Defense', 'Defense Department', 'US Department of Defense']],
  ['organization', 'State Department', ['US State Department', 'Department of State', 'U.S. State Department']],
  ['organization', 'White House', []],
  ['organization', 'Kremlin', []],
  ['organization', 'Federal Bureau of Investigation', ['FBI']],
  ['organization', 'Central Intelligence Agency', ['CIA']],
  ['organization', 'Federal Reserve', ['Fed', 'Federal Reserve System', 'Federal Reserve Board']],
  ['organization', 'Republican Party', ['GOP', 'Grand Old Party']],
  ['organization', 'Democratic Party', []],
  ['organization', 'US Congress', ['Congress', 'U.S. Congress', 'United States Congress']],
  ['organization', 'US Senate', ['U.S. Senate', 'United States Senate']],
  ['organization', 'House of Representatives', ['US House of Representatives', 'U.S. House of Representatives']],
  ['organization', 'European Central Bank', ['ECB']],
  ['organization', 'US Air Force', ['United States Air Force', 'USAF', 'U.S. Air Force']],
  ['organization', 'Royal Air Force', ['RAF']],
  ['place', 'United States', ['US', 'U.S.', 'USA', 'U.S.A.', 'America', 'United States of America']],
  ['place', 'United Kingdom', ['UK', 'U.K.', 'Britain', 'Great Britain', 'United Kingdom of Great Britain and Northern Ireland']],
  ['place', 'Russia', ['Russian Federation']],
  ['place', 'China', ["People's Republic of China", 'PRC', 'mainland China']],
  ['place', 'Democratic Republic of the Congo', ['DRC', 'DR Congo', 'Congo-Kinshasa']],
  ['place', 'North Korea', ['DPRK']],
  ['place', 'United Arab Emirates', ['UAE']],
  ['place', 'Myanmar', ['Burma']],
  ['place', 'Ivory Coast', ["Côte d'Ivoire", "Cote d'Ivoire"]],
  ['place', 'Turkey', ['Türkiye', 'Turkiye']],
  ['place', 'Czech Republic', ['Czechia']],
  ['place', 'Mazar-i-Sharif', ['Mazar-e-Sharif', 'Mazar-e Sharif', 'Mazar']],
  ['place', 'Kyiv', ['Kiev']],
  ['place', 'Middle East', ['Mideast']],
  ['place', 'Gaza Strip', ['Gaza']],
  ['place', 'West Bank', []],
  ['place', 'Europe', []],
  ['place', 'Asia', []],
  ['place', 'Africa', []],
  ['group', 'Pashtun', ['Pashtuns', 'Pushtun', 'Pushtuns', 'Pathan', 'Pathans']],
  ['group', 'Hazara', ['Hazaras']],
  ['group', 'Tajik', ['Tajiks']],
  ['group', 'Uzbek', ['Uzbeks']],
  ['group', 'Kurd', ['Kurds', 'Kurdish']],
  ['group', 'Arab', ['Arabs']],
  ['group', 'Palestinian', ['Palestinians']],
  ['group', 'Shia', ['Shiite', 'Shiites', "Shi'ite", "Shi'ites", 'Shias', 'Shia Muslims']],
  ['group', 'Sunni', ['Sunnis', 'Sunni Muslims']],
  ['group', 'Muslim', ['Muslims']],
  ['group', 'Christian', ['Christians']],
  ['group', 'Jew', ['Jews', 'Jewish']],
  ['group', 'Hindu', ['Hindus']],
  ['group', 'Sikh', ['Sikhs']],
  ['group', 'Yazidi', ['Yazidis', 'Yezidi', 'Yezidis']],
  ['group', 'Rohingya', ['Rohingyas']],
  ['group', 'Uyghur', ['Uyghurs', 'Uighur', 'Uighurs']],
  ['group', 'Republican', ['Republicans']],
  ['group', 'Democrat', ['Democrats']],
  ['group', 'European', ['Europeans']],
  ['group', 'African', ['Africans']],
  ['group', 'Asian', ['Asians']],
  ['group', 'Western', ['Westerners']],
  ['group', 'Latino', ['Latinos', 'Latina', 'Latinas']],
  ['group', 'Hispanic', ['Hispanics']],
  ['group', 'Latin American', ['Latin Americans']],
];

/**
 * Title words that name a role on their own, so they end a title phrase and a
 * person's name may follow ("Foreign Minister X", but "Foreign X" is not a title).
 * Lower-case forms are written in lower case.
 */
export const TITLE_HEADS = words(`
  President President-elect Premier Minister Chancellor Secretary Governor Gov. Gov Senator Sen. Sen Representative
  Rep. Rep Congressman Congresswoman Mayor Speaker Ambassador Envoy Consul Commissioner General Gen. Gen Lieutenant
  Lt. Lt Colonel Col. Col Major Maj. Maj Captain Capt. Capt Sergeant Sgt. Sgt Corporal Cpl. Private Pvt. Admiral
  Adm. Commander Cmdr. Cdr. Marshal Brigadier Brig. Commodore Mullah Maulvi Mawlawi Mawlvi Sheikh Sheik Shaikh Imam
  Ayatollah Mufti Qari Haji Hajji Hafiz Dr. Dr Doctor Prof. Prof Professor Mr. Mr Mrs. Mrs Ms. Ms Miss Sir Dame Lord
  Lady Baroness Baron King Queen Prince Princess Emir Amir Sultan Sheikha Pope Cardinal Archbishop Bishop Patriarch
  Rabbi Rev. Reverend Father Judge Justice Magistrate Attorney Prosecutor Inspector Superintendent Detective Sheriff
  Constable Chief Officer Spokesman Spokeswoman Spokesperson Chairman Chairwoman Chairperson Chair Director CEO CFO
  COO CTO Founder Co-founder Analyst Economist Coach Manager Leader Commander-in-Chief Vice-President Co-chair
  Justices Senators Ministers Presidents Governors Generals
  president minister governor senator spokesman spokeswoman spokesperson chairman chairwoman chief director
  commander general colonel warlord leader analyst economist executive founder co-founder ceo official officer
  envoy ambassador mayor judge lawyer attorney prosecutor reporter correspondent journalist editor writer author
  professor researcher scientist doctor secretary deputy head lawmaker legislator mullah cleric imam activist
  strongman militant negotiator adviser advisor aide chancellor premier king queen prince emir sheikh pastor
  coach manager captain sergeant lieutenant soldier ruler businessman businesswoman billionaire tycoon
`);

/**
 * Titles that stand before a person's name ("President Ashraf Ghani", "Gen.
 * Austin Miller", "Alabama Governor Bob Riley"): the name is what follows the
 * last of them. The heads, and the words that qualify a head but name no role
 * alone ("Vice", "Prime", "Foreign", "Acting").
 */
export const TITLES = new Set([
  ...TITLE_HEADS,
  ...words(`
  Vice Prime Deputy Acting Former Interim Foreign Interior Defence Defense Finance Health Economy Trade Education
  Information Energy Agriculture Transport Labour Labor Culture Tourism Commerce Executive Senior Assistant Associate
  Provincial District Regional State Federal National Army Police Security Crown Grand Supreme Field Staff Ex Dep.
  Asst. Operating Financial Technology Technical Marketing Operations Communications Press Affairs Development
`),
]);

/** Words that end an organization's name ("Ministry of Interior", "Qatar Airways", "Apple Inc."). */
export const ORG_HEADS = words(`
  Ministry Department Council Army Party Agency Corps Forces Force Police University Bank Court Committee Front Movement
  Company Co. Co Corporation Corp. Corp Incorporated Inc. Inc Ltd. Ltd Limited LLC L.L.C. PLC Plc plc AG SA S.A. N.V. NV
  GmbH Group Holdings Holding Airlines Airline Airways Motors Motor Electric Systems Technologies Technology Industries
  Enterprises Partners Associates Institute Institution Foundation Organization Organisation Association Federation
  Union League Alliance Coalition Commission Authority Administration Office Bureau Service Services Network Press News
  Times Post Journal Herald Telegraph Tribune Gazette Chronicle Daily Television TV Radio Broadcasting Media Reserve
  Exchange Fund Trust Board Senate Congress Parliament Assembly Cabinet Government Embassy Consulate Command Brigade
  Brigades Battalion Regiment Militia Guard Guards Navy Marines Church Club Society School College Academy
  Laboratory Laboratories Labs Studios Records Pictures Entertainment Communications Pharmaceuticals Pharma Energy
  Petroleum Steel Mining Insurance Securities Bancorp Financial Investments Ventures Software Microsystems
  Semiconductor Semiconductors Dynamics Aerospace Aviation Automotive Foods Stores Brands Directorate Secretariat
  Tribunal Caucus Cartel Syndicate Jamaat Jamiat Shura Mission Agencies Ministries Unit Team Commissions Forum
  Institutes Fed Treasury Cooperative Co-op Consortium Air Courts Banks Councils Committees Parties Unions
  Universities Companies Workers Research Capital Management Motors Global International Worldwide Brothers Mutual
  Partnership Sachs Stanley Chase Electronics Telecom Telecommunications Mobile Wireless Railways Railway Shipping
  Logistics Resources Solutions Markets Commerce Lines
`);

/** Corporate suffixes: a name ends with them ("Apple Inc. Steve Jobs" is two names). */
export const CORPORATE_SUFFIXES = words(`Inc. Inc Corp. Corp Co. Ltd. Ltd LLC L.L.C. PLC Plc plc N.V. NV AG GmbH S.A. SA`);

/**
 * Words that end the names of events, programmes and laws: not entities of
 * any type this extractor reports ("Paris Air Show", "Operation Enduring
 * Freedom" is left to its capitals).
 */
export const EVENT_HEADS = words(`
  Conference Summit Games Olympics Cup Championship Championships Festival Expo Show Awards Award Prize War Wars
  Crisis Agreement Accord Accords Treaty Act Program Programme Project Plan Initiative Operation Campaign Convention
  Day Week Talks Election Elections Revolution Uprising Offensive Protocol Declaration Resolution Doctrine Policy
  Law Amendment Strategy Dialogue Process Tournament Series Open Marathon Event Conferences
`);

/** Words that end a place's name ("Helmand Province", "Atlantic Ocean", "Kandahar Airfield"). */
export const PLACE_HEADS = words(`
  Province District County City Region Valley River Mountains Mountain Mount Mt. Lake Sea Ocean Gulf Bay Island
  Islands Isle Peninsula Desert Strait Straits Canal Pass Coast Highway Road Street Avenue Square Bridge Airport
  Airfield Airbase Port Harbor Harbour Dam Palace Prison Camp Park Stadium Mosque Cathedral Temple Shrine Border
  Crossing Corridor Heights Hills Hill Plain Plains Basin Delta Forest Village Town Township Oblast Governorate
  Prefecture Territory Territories Republic Kingdom Emirates Cape Falls Beach Springs Creek Fort Base Zone
  Neighborhood Neighbourhood Quarter Municipality State Continent Plateau Glacier Reservoir Channel Estuary
  Center Centre Terminal Hotel Market Mall Tower Towers Building Plaza Station Hospital Compound Checkpoint Factory
  Plant Refinery Mine Arena Hall Garden Gardens
`);

/** Lower-case nouns that, right before a name, say what it names: "spokesman X", "the company X", "the city of X". */
export const PERSON_ROLES = words(`
  spokesman spokeswoman spokesperson president minister governor senator chairman chairwoman director commander
  general colonel warlord leader analyst economist executive founder co-founder ceo official officer envoy
  ambassador mayor judge lawyer attorney prosecutor reporter correspondent journalist editor writer author professor
  researcher scientist doctor secretary deputy lawmaker legislator mullah cleric imam activist strongman militant
  negotiator adviser advisor aide chancellor premier king queen prince emir pastor coach manager captain sergeant
  lieutenant soldier ruler businessman businesswoman billionaire tycoon resident witness farmer student teacher
  singer actor actress player striker midfielder defender goalkeeper son daughter wife husband brother sister father
  mother uncle cousin nephew niece colleague friend victim suspect defendant survivor candidate representative
  chief head vice-president chair expert specialist engineer designer investor entrepreneur owner partner counsel
  strategist pollster historian diplomat fighter commentator presenter host photographer filmmaker director-general
  spokesmen cofounder co-owner vocalist guitarist rapper star veteran lady pope
`);

export const ORG_ROLES = words(`
  company firm carrier airline airframer manufacturer maker automaker carmaker retailer bank lender insurer group
  agency broadcaster newspaper daily network channel website rival giant conglomerate startup start-up subsidiary
  unit exchange regulator brand producer supplier chipmaker operator studio label publisher outlet party militia
  organization organisation charity ministry department watchdog union consortium contractor provider chain movement
  faction alliance coalition team club university institute outfit insurgency jihadists network-owner magazine
  broadcaster developer distributor partner-company tabloid
`);

export const PLACE_ROLES = words(`
  city town village province district region country state capital county island port neighbourhood neighborhood
  suburb area enclave territory oblast governorate municipality nation republic kingdom emirate
`);

/** Prepositions after which an unknown name is most likely a place: "in Herat", "near Kandahar". */
export const PLACE_PREPOSITIONS = words(`in near outside inside across throughout into toward towards around within`);

/** Compass words before a place: "western Herat", "north-east Nigeria". */
export const COMPASS = words(`
  north south east west northern southern eastern western central northeast northwest southeast southwest
  north-east north-west south-east south-west northeastern northwestern southeastern southwestern north-eastern
  north-western south-eastern south-western
`);

/** Lower-case particles inside person and place names: "Charles de Gaulle", "Osama bin Laden". */
export const PARTICLES = words(`de del della der den di da das do dos du la le van von bin ibn ben bint al el ul ud y e`);

/** Lower-case words after a hyphen that end a name and say what it was: "Kabul-based", "Taliban-led". */
export const PLACE_SUFFIXES = words(`based born bred headquartered`);

/** Lower-case prefixes before a hyphen that do not belong to the name: "anti-Taliban", "pro-Russian". */
export const NAME_PREFIXES = words(`anti pro ex non post pre mid neo pan trans inter all`);

/**
 * Given names WordNet's famous people do not supply: common names of the
 * regions news covers, so "Zabihullah Mujahid" and "Sandy Angers" read as people.
 */
export const GIVEN_NAMES = words(`
  Aaron Abby Abdul Abdullah Abdulla Abdel Abdelaziz Abdirahman Abdulaziz Abdulrahman Abu Adam Adel Adil Adnan Adrian
  Afzal Ahmad Ahmed Ahmet Aidan Aisha Akbar Akhtar Akram Alan Alberto Alejandro Aleksandr Alexander Alexandra Alexei
  Alexey Ali Alice Alicia Alisher Alison Amanda Amina Amir Amira Amit Amjad Amrullah Amy Ana Anas Anatoly Andrea Andrei
  Andrew Andrzej Andy Angela Angelina Anil Anita Ann Anna Anne Anthony Antonio Anwar Arash Arif Arjun Armando Arnaud
  Arshad Arturo Asad Asghar Ashraf Ashley Asif Aslam Atiq Atta Aung Ayesha Ayman Aziz Bakr Bashir Beatriz Ben Benjamin
  Bernard Beth Betty Bilal Bill Billy Bob Bobby Boris Brad Bradley Brandon Brenda Brian Bruce Bruno Bryan Caitlin
  Camila Carl Carla Carlos Carmen Carol Caroline Carolyn Catherine Chad Charles Charlie Charlotte Chen Cheryl Chris
  Christian Christina Christine Christopher Cindy Claire Claudia Colin Connor Craig Cristina Curtis Cynthia Dan Dana
  Daniel Daniela Danielle Daniil Danny Darius Darleen Dave David Dawood Dawud Dean Deborah Debra Denis Dennis Derek
  Diana Diane Diego Dilshod Dmitry Dmitri Dominic Don Donald Donna Doris Dorothy Doug Douglas Duncan Dustin Dylan
  Ebrahim Ed Eduardo Edward Edwin Elena Elizabeth Ellen Emily Emma Emmanuel Enrique Eric Erik Erin Ethan Eugene Eva
  Evan Evgeny Fahad Fahim Faisal Farah Farid Farhad Farooq Farouk Fatima Fatma Fawad Fazal Federico Felipe Felix
  Fernando Francesca Francisco Frank Fred Gabriel Gail Gary Gaurav Gene Georgina Ghulam Gloria Gordon Grace Greg
  Gregory Gul Gulbuddin Habib Hafiz Haider Hakim Hamid Hamza Hanna Hannah Hans Haroon Harry Hasan Hashim Hassan
  Heather Hector Heidi Helen Hiroshi Hussain Hussein Ian Ibrahim Igor Ihsan Ilyas Imran Inayat Irina Isaac Ishaq Ismail
  Ivan Jack Jacob Jake Jalal Jamal James Jamie Jan Jane Janet Janice Jason Javed Javier Jawad Jean Jeff Jeffrey Jennifer
  Jeremy Jerry Jessica Jill Jim Jimmy Joan Joanna Joe Joel John Johnny Jon Jonathan Jorge Jose Joseph Josh Joshua Joyce
  Juan Judith Judy Julia Julian Julie Justin Kabir Kamal Kamran Karen Karim Kate Katherine Kathleen Kathryn Kathy Katie
  Kazem Keith Kelly Ken Kenneth Kevin Khalid Khalil Kim Kimberly Kirill Kristen Kyle Larry Laura Lauren Lee Leila Leon
  Leonid Li Linda Lisa Liu Lori Louise Luis Lydia Lynn Mahmoud Mahmood Majid Malik Mansoor Mansour Manuel Marco Margaret
  Maria Marie Marina Mario Mark Marsha Martha Martin Marwan Mary Masood Masoud Matt Matthew Maxim Maya Megan Mehdi Mehmet
  Melissa Michael Michelle Miguel Mike Mikhail Mir Mirwais Mohamed Mohammad Mohammed Mohammed Mohsen Mohsin Monica
  Muhammad Muhammed Munir Murat Murtaza Musa Mustafa Nabil Nadia Nadir Najib Najibullah Nancy Naqib
  Naseer Nasir Nasser Natalia Natalie Nathan Nawaz Nazir Neil Nicholas Nick Nicole Nikita Nikolai Nina Noel Noor Nora
  Nur Olga Oleg Oliver Olivia Omar Osama Oscar Pablo Pamela Patricia Patrick Patty Paula Pedro Peter Phil Philip
  Qasim Rachel Rafael Rafiq Rahim Rahmatullah Rahman Rajesh Ralph Ramin Ramon Randy Rashid Raul Ravi Ray Raymond
  Reza Ricardo Richard Rick Rob Robert Roberto Robin Roger Ron Ronald Rosa Ross Roy Ruth Ryan Saad Sabir Sadiq Saeed
  Saif Sajid Salah Saleh Salim Salman Sam Samantha Sami Samir Samuel Sandra Sandy Sara Sarah Saud Scott Sean Sergei
  Sergey Shabnam Shafiq Shah Shahid Shahzad Shakil Shamsul Shannon Sharif Sharon Shaun Shawn Sher Sheila Sher Shirin
  Shirley Sibghatullah Siraj Sirajuddin Sofia Sohail Sonia Sophie Stacy Stephanie Stephen Steve Steven Sue Suhail
  Suleiman Sultan Susan Svetlana Syed Taimur Tamara Tamim Tania Tanya Tariq Tatiana Ted Teresa Terry Thomas Tiffany Tim
  Timothy Tina Todd Tom Tony Tracy Travis Umar Umer Usman Valentina Valeria Vanessa Victor Victoria Vikram Vincent
  Viktor Vinod Virginia Vladimir Vladislav Wahid Waleed Walid Walter Wang Waqar Wayne Wei Wendy Wilfred William Willie
  Xi Yan Yasin Yasir Yasser Yevgeny Yosef Yousef Youssef Yuri Yusuf Zabihullah Zahir Zaid Zakir Zalmay Zalmai Zaman
  Zarif Zhang Zia Ziaullah Zubair Zulfiqar Volodymyr Olena Oleksandr Oleksiy Dmytro Serhiy Andriy Yulia Petro
  Emmanuel Cyril Uhuru Jacob Goodluck Muhammadu Olusegun Bola Abiy Isaias Salva Paul Paulo Felix Faustin Pierre
  Jacques Francois François Emmanuel Nicolas Marine Angela Olaf Friedrich Gerhard Helmut Recep Binali Bashar Hafez
  Benjamin Yair Naftali Ehud Yitzhak Mahmoud Ismail Yahya Narendra Rahul Sonia Manmohan Atal Nawaz Shehbaz
  Benazir Asif Imran Pervez Hamid Ashraf Abdul Gulbuddin Ahmad Massoud Amrullah Atta Abdul Rashid Hibatullah
  Barack Joe Kamala Hillary Donald Mitt Nancy Mitch Chuck Marco Ted Bernie Elizabeth Rishi Keir Boris Theresa
  Ben Kurt Rupert Warren Elon Jeff Tim Satya Sundar Mark Sheryl Jack Larry Sergey Steve Bill Melinda
  Abe Shinzo Fumio Yoshihide Moon Yoon Lee Park Kim Jong Hu Wen Jiang Deng Mao Zhou Vladimir Dmitry Sergei Alexei
  Angela Olaf Emmanuel Jacques Nicolas Francois Silvio Giorgia Mario Matteo Pedro Mariano Jose Luis Lula Jair Dilma
  Nelson Jacob Thabo Cyril Robert Jomo Uhuru William Yoweri Paul Ellen George Abiy Hosni Mohamed Anwar Gamal
  Recep Ahmet Bulent Hassan Hossein Ali Akbar Ebrahim Javad Nouri Haider Mustafa Adil Masoud Jalal Nechirvan
  Alan Alex Alfred Allen Amber Andre Andrea Angel Anton Arthur Austin Barbara Barry Bernard Bertrand Beverly Blake
  Bonnie Brent Brett Bridget Brooke Bruno Calvin Cameron Carlos Carmen Casey Cecilia Cesar Charlotte Chester Chloe
  Clara Clarence Claude Clifford Clinton Cody Cole Corey Courtney Cristian Dale Dalton Damian Dan Darren Dave Derrick
  Desmond Diego Dolores Dominique Donovan Duane Earl Eddie Edgar Edith Edna Eileen Elaine Eleanor Elias Elijah Elise
  Ella Elliot Eloise Emil Emilio Erica Ernest Ernesto Esther Ethel Eugene Evelyn Fabian Felicia Floyd Frances Franco
  Francesco Frederick Gabriela Gareth Gavin Geoffrey Gerald Gerard Gilbert Giovanni Giuseppe Glen Glenn Graham
  Grant Guillermo Gustavo Guy Harold Harriet Harvey Hazel Heinz Helena Henri Herbert Herman Hugh Hugo Ingrid Irene
  Iris Isabel Isabella Ivy Jackie Jacqueline Jared Jasmine Javier Jay Jeanne Jenny Jerome Jesse Jesus Joanne Jodie
  Johan Johanna Jordan Josef Joy Juan Juanita Jules Julio June Karl Katarina Kay Keira Kelvin Kenji Kerry Kirk Klaus
  Kristina Lance Laurence Lawrence Leah Leo Leonard Leroy Leslie Lester Lewis Lillian Lloyd Logan Lorenzo Lorraine
  Lucas Lucia Lucy Luke Lynne Mabel Mae Malcolm Marcel Marcia Marcus Margarita Marian Marilyn Marion Marjorie Marlon
  Marshall Marvin Mason Mathieu Maureen Maurice Max Melvin Michele Mildred Milton Miranda Miriam Mitchell Molly
  Morgan Morris Myra Nadine Naomi Neal Nellie Nigel Noah Norma Norman Oliver Olivier Otto Owen Pascal Pat Patrice
  Pauline Pearl Peggy Penelope Percy Perry Philippe Phyllis Pierre Preston Priscilla Quentin Rafael Ralph Ramona
  Randall Raquel Rebecca Reginald Rene Rex Rhonda Rita Roberta Rodney Roland Ronnie Rosemary Ruben Rudolph Rudy
  Russell Sabrina Sally Salvador Santiago Sarah Saul Sebastian Seth Sheldon Sidney Silvia Simon Simone Sonya Stanley
  Stefan Stella Stuart Sylvia Tara Terrence Thelma Theo Theodore Tobias Toby Tommy Tracey Trevor Troy Tyler Ursula
  Valerie Vera Vernon Veronica Vicki Vivian Wade Wallace Warren Wesley Whitney Wilbur Wilma Winston Wolfgang Yvonne
  Zachary Zoe Noel Louis Ron Todd Patty Norm Sam Duncan Tom
`);

/**
 * Capitalized words that are never names on their own, whatever the gazetteer
 * says: months and days (the time extractor's business) and words of address.
 */
export const NOT_NAMES = words(`
  January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug
  Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thurs Fri Sat Sun
  I I'm I've I'd I'll OK Okay Yes No Mr Mrs Ms Dr Sir Madam God AM PM GMT UTC CET EST PST EDT BST A.M. P.M. a.m. p.m.
  Internet Web TV Covid COVID COVID-19 Covid-19 Christmas Easter Ramadan Eid Year
`);

/** Function words: capitalized, they open a sentence or a headline's words, and are no names ("The", "In", "But"). */
export const FUNCTION_WORDS = words(`
  a an the and or but nor so yet for of in on at to by with from into onto upon over under about above below after
  before since until while during between among against through across along around behind beyond near off out up
  down as if than that this these those there here then thus hence also even just only still now when where why how
  what which who whom whose whether because although though unless however meanwhile moreover furthermore instead
  i me my we us our you your he him his she her it its they them their one ones some any all both each every either
  neither no not none many much more most few less least several other others another such own same is are was were
  be been being am has have had having do does did will would shall should can could may might must let lets yes
  according like unlike despite toward towards via per amid amidst including
`);

/** Acronyms that name no entity. */
export const NOT_NAME_ACRONYMS = words(`
  vip gdp hiv aids dna rna tv pc cd dvd usb gps led lcd atm pin sim sms pdf html ceo cfo coo cto cio mp mps qc ok am
  pm fm hq pr it ai vr ipo etf faq id ufo gmt utc rpg suv ev evs lng lpg covid sars mers ied ieds rpg ak mri ct icu
  er ppe pow pows idp idps rsvp aka diy fyi asap eta ps nb mph kph km kg lb oz
`);
