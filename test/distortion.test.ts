import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectDistortions, type DistortionType } from '../src/provenance/distortion.js';

// Sentence pairs written for these tests: [expected distortion, source, copy].
const CHANGED: [DistortionType, string, string][] = [
  ['negation', 'The ministry said the ceasefire would hold through the weekend.', 'The ministry said the ceasefire would not hold through the weekend.'],
  ['negation', 'Rescue teams have not reached the flooded villages in the north.', 'Rescue teams have reached the flooded villages in the north.'],
  ['negation', 'The governor never signed the emergency order, aides said.', 'The governor signed the emergency order, aides said.'],
  ['negation', 'Opposition leaders agreed to join the talks in Geneva.', 'Opposition leaders refused to join the talks in Geneva.'],
  ['negation', 'The company denied that its trucks had crossed the border.', 'The company confirmed that its trucks had crossed the border.'],
  ['negation', "The hospital can treat the wounded from the blast.", "The hospital can't treat the wounded from the blast."],
  ['negation', 'No survivors were found in the wreckage of the ferry.', 'Survivors were found in the wreckage of the ferry.'],
  ['negation', 'The council voted to approve the new dam project.', 'The council failed to approve the new dam project.'],
  ['number', 'At least 12 people were killed when the bus overturned near Mardan.', 'At least 21 people were killed when the bus overturned near Mardan.'],
  ['number', 'The storm left 1.5 million homes without power across the state.', 'The storm left 15 million homes without power across the state.'],
  ['number', 'Fifteen soldiers were wounded in the ambush, the army said.', 'Fifty soldiers were wounded in the ambush, the army said.'],
  ['number', 'Prices rose by 4.2 percent in March, the statistics office said.', 'Prices rose by 2.4 percent in March, the statistics office said.'],
  ['number', 'Two-thirds of the town was under water by Sunday evening.', 'A third of the town was under water by Sunday evening.'],
  ['number', 'The fire destroyed 300 hectares of forest before it was contained.', 'The fire destroyed 3,000 hectares of forest before it was contained.'],
  ['unit', 'The convoy travelled 150 km along the coast road to the port.', 'The convoy travelled 150 miles along the coast road to the port.'],
  ['unit', 'The aid package is worth $40 million, officials said.', 'The aid package is worth €40 million, officials said.'],
  ['number', 'The vote was postponed for a dozen days.', 'The vote was postponed for twenty days.'],
  ['entity-swapped', 'Fighting broke out again in Kandahar on Tuesday night.', 'Fighting broke out again in Herat on Tuesday night.'],
  ['entity-swapped', 'The delegation will travel to Nairobi before meeting donors in Addis Ababa.', 'The delegation will travel to Kampala before meeting donors in Addis Ababa.'],
  ['entity-swapped', 'Shares in Northwind Energy fell sharply after the announcement.', 'Shares in Eastgate Energy fell sharply after the announcement.'],
  ['entity-dropped', 'Troops from Chad and Niger joined the operation near the border.', 'Troops from Chad joined the operation near the border.'],
  ['entity-dropped', 'The agreement was brokered by Qatar and signed in the capital last week.', 'The agreement was brokered and signed in the capital last week.'],
  ['speaker', 'The talks had collapsed, Ismail Khan told reporters in Herat.', 'The talks had collapsed, Abdul Rashid told reporters in Herat.'],
  ['speaker', 'According to Maria Lopez, the shelter was built without permits.', 'According to Daniel Ortega, the shelter was built without permits.'],
  ['speaker', 'Senator Ellen Park said the bill would pass by Friday.', 'Senator Tom Hale said the bill would pass by Friday.'],
  ['speaker', 'The strike was planned weeks in advance, said Colonel Ahmed Nour.', 'The strike was planned weeks in advance, said Colonel Yusuf Bello.'],
  ['hedge-dropped', 'The militants reportedly seized two checkpoints on the highway.', 'The militants seized two checkpoints on the highway.'],
  ['hedge-dropped', 'The suspect allegedly transferred the funds to an offshore account.', 'The suspect transferred the funds to an offshore account.'],
  ['hedge-dropped', 'The outbreak may have started at a poultry market in the city.', 'The outbreak started at a poultry market in the city.'],
  ['hedge-dropped', 'The commander is believed to have fled across the river.', 'The commander fled across the river.'],
  ['hedge-dropped', 'The blast was likely caused by a gas leak in the basement.', 'The blast was caused by a gas leak in the basement.'],
  ['hedge-dropped', 'According to unconfirmed reports, the minister has resigned.', 'The minister has resigned.'],
  ['role-swap', 'Taliban fear the army.', 'The army fears the Taliban.'],
  ['role-swap', 'Rebels attacked the convoy near the river crossing.', 'The convoy attacked rebels near the river crossing.'],
  ['role-swap', 'The police arrested the protesters outside parliament.', 'The protesters arrested the police outside parliament.'],
  ['role-swap', 'The village was shelled by government forces overnight.', 'The village shelled government forces overnight.'],
  ['role-swap', 'Kenya accused Somalia of violating the maritime border.', 'Somalia accused Kenya of violating the maritime border.'],
  ['truncated', 'The army said it had retaken the town, but officials in the provincial government denied it.', 'The army said it had retaken the town.'],
  ['truncated', 'Residents were told to evacuate by noon, although many said they had nowhere to go.', 'Residents were told to evacuate by noon.'],
  ['truncated', 'The minister promised new funding for schools, which critics say will never arrive.', 'The minister promised new funding for schools.'],
  ['negation', 'The new bridge will open to traffic next month.', 'The new bridge will not open to traffic next month.'],
  ['negation', 'Investigators found evidence of tampering at the plant.', 'Investigators found no evidence of tampering at the plant.'],
  ['negation', 'The union has ruled out further strikes this year.', 'The union has not ruled out further strikes this year.'],
  ['negation', "The airline didn't cancel flights to the island.", 'The airline cancelled flights to the island.'],
  ['negation', 'Witnesses saw the car leave the scene.', 'Nobody saw the car leave the scene.'],
  ['negation', 'The court allowed the appeal to go ahead.', 'The court refused to allow the appeal to go ahead.'],
  ['number', 'More than 4,000 families have been displaced by the floods.', 'More than 40,000 families have been displaced by the floods.'],
  ['number', 'The ship was carrying 230 passengers when it sank.', 'The ship was carrying 320 passengers when it sank.'],
  ['number', 'Three journalists were detained at the airport on Friday.', 'Seven journalists were detained at the airport on Friday.'],
  ['number', 'Unemployment fell to 6.1% in the second quarter.', 'Unemployment fell to 8.1% in the second quarter.'],
  ['number', 'The earthquake struck at a depth of 10 kilometres.', 'The earthquake struck at a depth of 100 kilometres.'],
  ['number', 'Half of the crops were destroyed by locusts.', 'A quarter of the crops were destroyed by locusts.'],
  ['unit', 'The wall will stretch for 30 miles along the frontier.', 'The wall will stretch for 30 kilometres along the frontier.'],
  ['unit', 'The cargo weighed 20 tonnes.', 'The cargo weighed 20 kg.'],
  ['entity-swapped', 'The ferry sank off the coast of Lesbos early on Sunday.', 'The ferry sank off the coast of Samos early on Sunday.'],
  ['entity-swapped', 'The deal was approved by the European Commission in Brussels.', 'The deal was approved by the World Bank in Brussels.'],
  ['entity-swapped', 'Voters in Ohio will decide the measure in November.', 'Voters in Oregon will decide the measure in November.'],
  ['entity-dropped', 'Delegates from Iran, Turkey and Russia attended the summit.', 'Delegates from Iran and Turkey attended the summit.'],
  ['entity-dropped', 'The militia operates along the border between Sudan and Chad.', 'The militia operates along the border of Sudan.'],
  ['speaker', 'The rescue operation will continue overnight, Mayor Carla Diaz said.', 'The rescue operation will continue overnight, Governor Peter Lang said.'],
  ['speaker', 'Samuel Otieno told the BBC that the vote had been rigged.', 'Grace Wanjiru told the BBC that the vote had been rigged.'],
  ['speaker', 'According to Lieutenant Omar Farah, six gunmen were killed.', 'According to Captain Ali Hassan, six gunmen were killed.'],
  ['hedge-dropped', 'The former minister allegedly accepted bribes from the contractor.', 'The former minister accepted bribes from the contractor.'],
  ['hedge-dropped', 'The group apparently used drones to scout the base.', 'The group used drones to scout the base.'],
  ['hedge-dropped', 'The fire could have been started deliberately, investigators said.', 'The fire was started deliberately, investigators said.'],
  ['hedge-dropped', 'The attacker is thought to have acted alone.', 'The attacker acted alone.'],
  ['hedge-dropped', 'The suspected smugglers were detained near the coast.', 'The smugglers were detained near the coast.'],
  ['role-swap', 'The guards beat the prisoners during the riot.', 'The prisoners beat the guards during the riot.'],
  ['role-swap', 'The coalition bombed the militia positions.', 'The militia bombed the coalition positions.'],
  ['role-swap', 'The senator was criticised by the governor.', 'The senator criticised the governor.'],
  ['truncated', 'The bank raised interest rates, a move analysts said would slow growth.', 'The bank raised interest rates.'],
  ['truncated', 'Police arrested the driver, who later told them he had fallen asleep at the wheel.', 'Police arrested the driver.'],
  ['truncated', 'The strike ended on Thursday, though unions warned it could resume within weeks.', 'The strike ended on Thursday.'],
  ['negation', 'The prosecutor said the evidence was sufficient to bring charges.', 'The prosecutor said the evidence was insufficient to bring charges, and no charges were filed.'],
  ['negation', 'Officials expect the border crossing to reopen on Monday.', 'Officials do not expect the border crossing to reopen on Monday.'],
  ['negation', 'The mayor has never visited the camp.', 'The mayor has visited the camp twice.'],
  ['negation', 'Both parties supported the amendment.', 'Neither party supported the amendment.'],
  ['number', 'The quake destroyed about 600 homes in the valley.', 'The quake destroyed about 6,000 homes in the valley.'],
  ['number', 'Voter turnout reached 71 percent, the highest in two decades.', 'Voter turnout reached 17 percent, the highest in two decades.'],
  ['unit', 'The trial is expected to last eight weeks.', 'The trial is expected to last eight months.'],
  ['number', 'The ministry hired 2,400 new teachers this year.', 'The ministry hired 4,200 new teachers this year.'],
  ['unit', 'The tanker spilled 500 tonnes of crude oil.', 'The tanker spilled 500 barrels of crude oil.'],
  ['entity-swapped', 'Talks between Serbia and Kosovo resumed in Brussels.', 'Talks between Serbia and Kosovo resumed in Vienna.'],
  ['entity-swapped', 'The vaccine was developed by researchers at Oxford University.', 'The vaccine was developed by researchers at Cambridge University.'],
  ['entity-dropped', 'The drought has hit farmers in Kenya, Ethiopia and Somalia hardest.', 'The drought has hit farmers in Kenya and Ethiopia hardest.'],
  ['speaker', 'Prices will keep rising through winter, economist Laura Chen said.', 'Prices will keep rising through winter, economist Mark Dubois said.'],
  ['speaker', 'The dam is safe, said Engineer Ravi Patel.', 'The dam is safe, said Minister Sunita Rao.'],
  ['hedge-dropped', 'The virus may have spread through contaminated water.', 'The virus spread through contaminated water.'],
  ['hedge-dropped', 'The hackers reportedly stole data on two million customers.', 'The hackers stole data on two million customers.'],
  ['hedge-dropped', 'The envoy is said to have met rebel leaders in secret.', 'The envoy met rebel leaders in secret.'],
  ['role-swap', 'The striker fouled the goalkeeper in the final minute.', 'The goalkeeper fouled the striker in the final minute.'],
  ['role-swap', 'The regulator fined the bank for misleading customers.', 'The bank fined the regulator for misleading customers.'],
  ['truncated', 'The company reported record profits, though its shares fell after the announcement.', 'The company reported record profits.'],
  ['truncated', 'The council approved the budget, which includes cuts to libraries and parks.', 'The council approved the budget.'],
  // Each rule that keeps an honest rewrite quiet still lets the real change through.
  ['entity-swapped', 'KABUL (Reuters) - Fighting broke out in Kandahar on Tuesday.', 'Fighting broke out in Herat on Tuesday.'],
  ['number', 'NAIROBI, Kenya (AP) — Floods have displaced 20,000 people, officials said.', 'Floods have displaced 2,000 people, officials said.'],
  ['entity-swapped', 'Shares in Houston-based Calder Industries fell 6 percent.', 'Shares in Dallas-based Calder Industries fell 6 percent.'],
  ['negation', 'The official said the troops had not withdrawn, asking not to be named.', 'The official said the troops had withdrawn, asking not to be named.'],
  ['negation', 'A senior official who asked not to be named said the governor was not in custody.', 'The governor is in custody, according to a senior official who requested anonymity.'],
  ['negation', 'The ministry rejected the report and said troops had not moved.', 'The ministry rejected the report and said troops had moved.'],
  ['negation', 'The court dismissed the appeal.', 'The court did not hear the appeal.'],
  ['negation', 'The border crossing was closed on Monday.', 'The border crossing was not closed on Monday.'],
  ['negation', 'The schools did not open on Wednesday.', 'The schools opened on Wednesday.'],
  ['hedge-dropped', 'According to court records, the firm paid a fine of $5,000.', 'The firm paid a fine of $5,000.'],
  ['entity-dropped', 'The attack was carried out by a gunman from Mosul, police said.', 'The attack was carried out by a gunman, police said.'],
  ['entity-dropped', 'Delegates from Iran, Turkey, and Russia attended the talks.', 'Delegates from Iran attended the talks.'],
  ['number', 'Fourteen people were taken to hospitals, three of them in critical condition.', '41 people were rushed to hospitals, with three of them in critical condition.'],
  ['hedge-dropped', 'The blast was reportedly caused by a valve failure, according to a union official who spoke on condition of anonymity.', 'The explosion was caused by a faulty valve, according to a union official who requested anonymity.'],
  ['negation', 'The guard was not injured in the attack.', 'The guard was injured in the attack.'],
  ['truncated', '"The dam will hold through the winter," engineer Ravi Patel said.', '"The dam will hold through the winter."'],
  ['truncated', 'The firm has sold the drug in Kenya since 2015, according to the Nairobi-based company.', 'The firm has sold the drug in Kenya since 2015.'],
  ['number', 'Rents will rise to $1,300 from $1,200 next year.', 'Rents will rise by $150 to $1,300 next year.'],
  ['entity-dropped', 'The Interior Ministry and the army said the curfew would end.', 'The army said the curfew would end.'],
  ['speaker', 'The plan was approved, said Maria T. Gonzalez, the city manager.', 'The plan was approved, city manager Maria Hernandez said.'],
  ['number', 'The index jumped 1.36 percent in early trading.', 'The index rose 1.6 percent in early trading.'],
  ['number', 'Fourteen people were hurt in the crush.', 'Ten people were hurt in the crush.'],
  ['entity-swapped', 'Both Airbus and Pratt & Whitney presented engine proposals.', 'Airbus and Rolls-Royce presented engine proposals.'],
];

// Honest rewrites: synonyms, voice changes, moved clauses, numbers and names
// written another way. None may be flagged.
const HONEST: [string, string][] = [
  ['The ministry said the ceasefire would hold through the weekend.', 'The ceasefire would hold through the weekend, the ministry said.'],
  ['Rebels attacked the convoy near the river crossing.', 'The convoy was attacked by rebels near the river crossing.'],
  ['The convoy was attacked by rebels near the river crossing.', 'Rebels attacked the convoy near the river crossing.'],
  ['Police arrested two men in connection with the bombing.', 'Two men were arrested by police in connection with the bombing.'],
  ['The storm left 1.5 million homes without power across the state.', 'The storm left 1,500,000 homes without power across the state.'],
  ['Fifteen soldiers were wounded in the ambush, the army said.', 'The army said 15 soldiers were wounded in the ambush.'],
  ['The road runs 95 miles (150 kilometres) through the mountains.', 'The road runs 150 km through the mountains.'],
  ['The road runs 95 miles through the mountains.', 'The road runs 153 kilometres through the mountains.'],
  ['Two-thirds of the town was under water by Sunday evening.', 'About 67 percent of the town was under water by Sunday evening.'],
  ['Half of the residents have already left the city.', 'Fifty percent of residents have already left the city.'],
  ['A dozen trucks carrying food reached the camp on Monday.', 'Twelve lorries carrying food arrived at the camp on Monday.'],
  ['The talks lasted two weeks.', 'The talks lasted 14 days.'],
  ['Opposition leaders refused to join the talks in Geneva.', 'Opposition leaders would not join the talks in Geneva.'],
  ['Rescue teams have not reached the flooded villages.', 'Rescuers have been unable to reach the flooded villages.'],
  ['No one was hurt in the explosion, police said.', 'Nobody was injured in the blast, police said.'],
  ['The company denied that its trucks had crossed the border.', 'The firm denied its lorries had crossed the frontier.'],
  ['The militants reportedly seized two checkpoints on the highway.', 'The insurgents allegedly captured two checkpoints on the motorway.'],
  ['The outbreak may have started at a poultry market in the city.', 'The outbreak might have begun at a poultry market in the city.'],
  ['According to police, the gunman acted alone.', 'Police said the gunman acted alone.'],
  ['The talks had collapsed, Ismail Khan told reporters in Herat.', 'Khan told reporters in Herat that the talks had collapsed.'],
  ['The talks had collapsed, Ismail Khan told reporters in Herat.', 'The talks had broken down, governor Ismail Khan said in Herat.'],
  ['Senator Ellen Park said the bill would pass by Friday.', 'The bill would pass by Friday, Park said.'],
  ['Senator Ellen Park said the bill would pass by Friday.', 'The bill will be approved by Friday, she said.'],
  ['The United Nations warned of famine in the region.', 'The UN warned of starvation in the region.'],
  ['Russian troops crossed into the area overnight.', 'Troops from Russia crossed into the area during the night.'],
  ['Chinese officials met the delegation in Beijing.', 'Officials from China met the delegation in Beijing.'],
  ['Rebels seized the airport on Sunday.', 'Insurgents captured the airport on Sunday.'],
  ['Officials say the dam could burst within days.', 'Authorities say the dam could fail within days.'],
  ['After the talks collapsed, rebels attacked the town.', 'Rebels attacked the town after the talks collapsed.'],
  ['Kenya and Somalia met in The Hague to discuss the dispute.', 'Somalia and Kenya met in The Hague to discuss the dispute.'],
  ['The president met the prime minister on Friday.', 'The prime minister met the president on Friday.'],
  ['Prices rose by 4.2 percent in March, the statistics office said.', 'Prices climbed 4.2% in March, according to the statistics office.'],
  ['The fire destroyed more than 3,000 hectares of forest.', 'The fire destroyed over 3,000 hectares of woodland.'],
  ['The army said it had retaken the town, but officials denied it.', 'The army claimed it had recaptured the town, but officials denied it.'],
  ['Heavy rain has forced the closure of schools across the province.', 'Schools across the province have been closed because of heavy rain.'],
  ['The minister resigned on Tuesday after weeks of protests.', 'After weeks of protests, the minister stepped down on Tuesday.'],
  ['The World Health Organization said the outbreak was under control.', 'The outbreak was under control, the WHO said.'],
  ['Protesters gathered outside the embassy at 3 p.m. on Saturday.', 'Protesters assembled outside the embassy at 15:00 on Saturday.'],
  ['The plane crashed shortly after take-off, killing all 157 people on board.', 'All 157 people on board died when the plane crashed shortly after take-off.'],
  ['Government forces shelled the village overnight.', 'The village was shelled by government forces overnight.'],
  ['The temperature reached 40 degrees Celsius in Delhi.', 'The temperature hit 104 degrees Fahrenheit in Delhi.'],
  ['It is not only a health crisis but also an economic one.', 'It is a health crisis and also an economic one.'],
  ['The first aid flight landed in the capital on Wednesday.', 'The initial aid flight touched down in the capital on Wednesday.'],
  ['The 12-year-old boy was rescued from the rubble.', 'The boy, 12, was pulled from the rubble.'],
  ['Covid-19 cases rose sharply in the province last month.', 'Cases of Covid-19 climbed steeply in the province last month.'],
  ['Residents were told to evacuate by noon, although many said they had nowhere to go.', 'Although many said they had nowhere to go, residents were told to evacuate by noon.'],
  ['The opposition accused the government of rigging the vote.', 'The government was accused by the opposition of rigging the vote.'],
  ['Mr. Obama spoke with President Xi Jinping by phone on Monday.', 'Obama spoke with Xi by telephone on Monday.'],
  ['Troops from Chad and Niger joined the operation near the border.', 'Chadian and Nigerien troops joined the operation near the border.'],
  ['The new bridge will open to traffic next month.', 'Next month the new bridge will open to traffic.'],
  ['Investigators found no evidence of tampering at the plant.', 'No sign of tampering was found at the plant by investigators.'],
  ['More than 4,000 families have been displaced by the floods.', 'The floods have displaced over 4,000 families.'],
  ['The ship was carrying 230 passengers when it sank.', 'There were 230 passengers aboard the vessel when it went down.'],
  ['Three journalists were detained at the airport on Friday.', 'On Friday three reporters were held at the airport.'],
  ['Unemployment fell to 6.1% in the second quarter.', 'The jobless rate dropped to 6.1 per cent in the second quarter.'],
  ['The earthquake struck at a depth of 10 kilometres.', 'The quake hit at a depth of 10 km.'],
  ['The wall will stretch for 30 miles along the frontier.', 'The wall will run for about 48 kilometres along the border.'],
  ['The ferry sank off the coast of Lesbos early on Sunday.', 'Early on Sunday the ferry went down off Lesbos.'],
  ['The deal was approved by the European Commission in Brussels.', 'The European Commission approved the agreement in Brussels.'],
  ['Delegates from Iran, Turkey and Russia attended the summit.', 'Iranian, Turkish and Russian delegates attended the summit.'],
  ['The rescue operation will continue overnight, Mayor Carla Diaz said.', 'Mayor Diaz said the rescue effort would go on through the night.'],
  ['Samuel Otieno told the BBC that the vote had been rigged.', 'The vote had been rigged, Otieno told the BBC.'],
  ['The former minister allegedly accepted bribes from the contractor.', 'The ex-minister is alleged to have taken bribes from the contractor.'],
  ['The attacker is thought to have acted alone.', 'The assailant is believed to have acted alone.'],
  ['The guards beat the prisoners during the riot.', 'The prisoners were beaten by the guards during the riot.'],
  ['The senator was criticised by the governor.', 'The governor criticised the senator.'],
  ['The bank raised interest rates, a move analysts said would slow growth.', 'The bank raised interest rates in a move that analysts said would slow growth.'],
  ['Police arrested the driver, who later told them he had fallen asleep at the wheel.', 'The driver, who later told police he had fallen asleep at the wheel, was arrested.'],
  ['The strike ended on Thursday, though unions warned it could resume within weeks.', 'Though unions warned it could resume within weeks, the strike ended on Thursday.'],
  ['Nearly 2 million people voted in the referendum.', 'Almost two million people cast ballots in the referendum.'],
  ['The airline cancelled 40 flights on Monday because of fog.', 'Fog forced the airline to scrap 40 flights on Monday.'],
  ['Germany pledged 500 million euros in aid.', 'Germany promised €500 million in assistance.'],
  ['The minister did not say when the border would reopen.', 'The minister gave no date for the reopening of the border.'],
  ['The virus has killed at least 80 people since January.', 'Since January, the virus has claimed the lives of at least 80 people.'],
  ['The World Bank cut its growth forecast for the region.', 'The region’s growth forecast was lowered by the World Bank.'],
  ['The spokesman declined to comment on the report.', 'The spokesman would not comment on the report.'],
  ['Dozens of houses were damaged in the storm.', 'The storm damaged dozens of homes.'],
  ['The protest was organised by students from the university.', 'Students from the university organised the protest.'],
  ['The prime minister will visit Washington in May.', 'In May, the prime minister will travel to Washington.'],
  ['Ahmed Said, a local farmer, lost his entire harvest.', 'Local farmer Ahmed Said lost all of his harvest.'],
  ['The typhoon is expected to make landfall on Thursday.', 'The typhoon is likely to hit land on Thursday.'],
  ['The prosecutor said the evidence was not sufficient to bring charges.', 'The prosecutor said there was insufficient evidence to bring charges.'],
  ['The factory no longer produces engines.', 'The factory has stopped producing engines.'],
  ['The trial is expected to last a week.', 'The trial is expected to last seven days.'],
  ['The quake destroyed about 600 homes in the valley.', 'Some 600 houses in the valley were destroyed by the earthquake.'],
  ['Voter turnout reached 71 percent, the highest in two decades.', 'At 71%, turnout was the highest in 20 years.'],
  ['Talks between Serbia and Kosovo resumed in Brussels.', 'Serbian and Kosovar negotiators resumed talks in Brussels.'],
  ['The dam is safe, said Engineer Ravi Patel.', 'Engineer Patel said the dam was safe.'],
  ['Prices will keep rising through winter, economist Laura Chen said.', 'According to economist Laura Chen, prices will continue to rise through the winter.'],
  ['The hackers reportedly stole data on two million customers.', 'Hackers are reported to have stolen data on 2 million customers.'],
  ['The virus may have spread through contaminated water.', 'The virus could have been spread through contaminated water.'],
  ['The regulator fined the bank for misleading customers.', 'The bank was fined by the regulator for misleading customers.'],
  ['The striker fouled the goalkeeper in the final minute.', 'In the final minute the goalkeeper was fouled by the striker.'],
  ['The council approved the budget, which includes cuts to libraries and parks.', 'The budget, which includes cuts to libraries and parks, was approved by the council.'],
  ['President Macron arrived in Dakar on Tuesday for a two-day visit.', 'French President Emmanuel Macron landed in the Senegalese capital Dakar on Tuesday for a two-day trip.'],
  ['The European Union imposed new sanctions on Moscow.', 'The EU slapped fresh sanctions on Russia’s government in Moscow.'],
  ['Germany’s Chancellor Olaf Scholz met Polish leaders in Warsaw.', 'Chancellor Scholz of Germany held talks with Poland’s leaders in Warsaw.'],
  ['The minister did not rule out further tax rises.', 'The minister left open the possibility of further tax rises, but did not commit to them.'],
  ['The rescue took place 30 metres below the surface.', 'The rescue happened about 100 feet below the surface.'],
  ['The company cut 1,200 jobs in 2019.', 'In 2019 the firm eliminated 1.2 thousand positions.'],
  ['About one in five adults has never voted.', 'Roughly 20 percent of adults have never cast a ballot.'],
  ['Residents of Kabul said they heard gunfire overnight.', 'People in the Afghan capital said they heard shooting during the night.'],
  ['The government of Japan approved the plan on Friday.', 'Japan’s government approved the plan on Friday.'],
  ['It was not immediately clear who was behind the attack.', 'Who carried out the attack was not immediately clear.'],
  ['The army said it had killed 14 militants, a claim that could not be independently verified.', 'The military said 14 militants had been killed; the claim could not be independently verified.'],
];

// Honest rewrites that differ in ways once mistaken for changes, by the rule
// that tells them apart.
const REWORDED: Record<string, [string, string][]> = {
  'a dateline or a wire credit is not content': [
    ['LAKE CHARLES, La. (AP) — An explosion tore through a chemical plant in southwest Louisiana late Tuesday, killing two workers, officials said.', 'Two employees were killed late Tuesday when a blast ripped through a chemical facility in southwestern Louisiana, authorities said.'],
    ['NAIROBI, Kenya (AP) — Floods have displaced 20,000 people in the west of the country, officials said.', 'Floods have forced 20,000 people from their homes in western parts of the country, officials said.'],
    ['GENEVA, March 3 (Reuters) - The agency appealed for $40 million in emergency aid.', 'The agency called for $40 million in emergency assistance.'],
    ['Goma (DR Congo) (AFP) - Rebels entered the town on Sunday after a week of shelling.', 'Rebels moved into the town on Sunday following a week of shelling.'],
    ['TOKYO (Kyodo) -- A strong earthquake shook northern Japan on Monday.', 'A powerful quake jolted northern Japan on Monday.'],
  ],
  'a name keeps its core without "-based" and the like': [
    ['Calder Chemical, a subsidiary of Houston-based Calder Industries, makes chlorine and vinyl chloride.', 'Calder Chemical, which belongs to Houston-headquartered Calder Industries, produces chlorine as well as vinyl chloride.'],
    ['Shares in Dallas-based Northwind Energy fell 6 percent.', 'Shares in Northwind Energy, which is headquartered in Dallas, dropped 6 percent.'],
    ['The London-listed miner Eastgate Resources cut 300 jobs.', 'Eastgate Resources, a miner listed in London, eliminated 300 jobs.'],
  ],
  "the terms of a source's anonymity are no negation": [
    ['A senior security official who asked not to be named said the governor was being held near the port.', 'The governor is being kept close to the port, according to a high-ranking security official who requested anonymity.'],
    ['"There is no electricity, no water from the taps," said Rachel, a teacher, who asked that her surname not be used.', '"We have no power, no tap water," said Rachel, a teacher, who requested that her last name be withheld.'],
    ['A diplomat who spoke on condition that he not be named said the talks had stalled.', 'The talks had stalled, according to a diplomat who requested anonymity.'],
    ['A police officer who was not authorized to speak to the media said two suspects were being held.', 'Two suspects were being held, said a police officer who spoke on condition of anonymity.'],
    ['An aide who declined to be identified said the minister would resign on Friday.', 'The minister would step down on Friday, said an aide who asked not to be named.'],
    ['"We have no food left," said Amina, a nurse, who asked that her family name not be published.', '"There is no food left," said Amina, a nurse, who asked to be identified only by her first name.'],
  ],
  'a bound on an amount is no negation': [
    ['At least 41 civilians have been killed since fighting began on Sunday.', 'Since the clashes erupted on Sunday, no fewer than 41 civilians have lost their lives.'],
    ['At least 300 homes were destroyed by the fire.', 'No fewer than 300 homes were destroyed by the fire.'],
    ['The vote must be held by March 31, the court ruled.', 'The vote must take place no later than March 31, the court ruled.'],
  ],
  'verbs that deny are one class': [
    ['The Defence Ministry denied any troop movements on Tuesday.', 'Any troop movements were rejected by the Defence Ministry on Tuesday.'],
    ['The army denied shelling the village.', 'The army rejected claims that it had shelled the village.'],
    ['The company denied the allegations in a statement.', 'The company dismissed the allegations in a statement.'],
    ['The spokesman refuted the report.', 'The spokesman denied the report.'],
  ],
  '"not X" may be said with an antonym': [
    ['Calcasieu Parish public schools were closed Wednesday.', 'Public schools in Calcasieu Parish did not open Wednesday.'],
    ['The airport remained closed on Friday.', 'The airport did not reopen on Friday.'],
    ['Journalists were banned from the courtroom.', 'Journalists were not allowed into the courtroom.'],
    ['The bill failed in the Senate.', 'The bill did not pass the Senate.'],
    ['The figures exclude part-time workers.', 'The figures do not include part-time workers.'],
    ['The union did not accept the offer.', 'The union rejected the offer.'],
    ['Two of the wounded did not survive.', 'Two of the wounded died.'],
  ],
  'an attribution may change its form': [
    ['In 2022, federal regulators fined the company $186,000, according to Occupational Safety and Health Administration records.', 'Federal regulators penalized the firm $186,000 in 2022, Occupational Safety and Health Administration records show.'],
    ['The plant was fined twice, according to state inspection reports.', 'State inspection reports show the plant was fined twice.'],
    ['Crime fell 8 percent last year, according to police figures.', 'Police figures indicate crime fell 8 percent last year.'],
    ['Crime fell 8 percent last year, according to police figures.', 'Crime fell 8 percent last year, the newspaper reported, citing police figures.'],
    ['"The levee has weak points," Mayor Ana Ruiz said on Tuesday.', 'She admitted on Tuesday that the levee "has weak points."'],
  ],
  'a hometown in an aside is a detail': [
    ['Maria Santos, 52, of Tulsa, was among the injured.', 'Maria Santos, 52, was among the injured.'],
    ['Ahmed Nour, a baker from Aleppo, said the bread had run out by noon.', 'Ahmed Nour, a baker, said the bread had run out by noon.'],
    ['The salvage firm Deepwater Marine, of Tampa, Fla., will keep the cargo.', 'The salvage firm Deepwater Marine will keep the cargo.'],
  ],
  'a closing quote is followed by a name': [
    ['WHO spokeswoman Ana Lima said the outbreak was contained.', '"The outbreak is contained," World Health Organization spokeswoman Ana Lima said.'],
  ],
  'a quotation runs on into another sentence': [
    ['"We will rebuild every school," Mayor Lena Ortiz said on Monday.', 'We will rebuild every school in the district."'],
    ['"The budget is fair to every district," said Omar Haddad, a council spokesman.', '"The budget is fair to every district.'],
  ],
  'an attribution is reworded, not cut': [
    ['The firm has sold the drug in Kenya since 2015, according to the Nairobi-based company.', 'The firm has sold the drug in Kenya since 2015, it said.'],
  ],
  '"no" names the side of a vote': [
    ['Two no votes would block the merger.', 'Two votes against would block the merger.'],
  ],
  'a change is stated by its size': [
    ['Rents will rise to $1,300 from $1,200 next year.', 'Rents will rise by $100 to $1,300 next year.'],
  ],
  'a name is shortened to its head noun': [
    ['The Tamarack Fire has burned 40,000 acres near the lake.', 'The fire has burned 40,000 acres near the lake.'],
    ['The Interior Ministry said the curfew would end on Sunday.', 'The ministry said the curfew would end on Sunday.'],
  ],
  'a middle initial is left out': [
    ['The plan was approved, said Maria T. Gonzalez, the city manager.', 'The plan was approved, city manager Maria Gonzalez said.'],
    ['The budget is balanced, said Maria T. Gonzalez, the finance director.', 'The budget is balanced, Finance Director Maria Gonzalez said.'],
  ],
  'a number is rounded to two significant digits': [
    ['The index jumped 1.36 percent in early trading.', 'The index rose 1.4 percent in early trading.'],
    ['The agency has a budget of $1,260 million this year.', 'The agency has a budget of $1.3 billion this year.'],
  ],
  'an acronym is joined by "&"': [
    ["A rally drove the Standard & Poor's 500 index up 20 percent.", 'A rally pushed the S&P 500 index up 20 percent.'],
    ['Both Airbus and Pratt & Whitney presented engine proposals.', 'Airbus and P&W presented engine proposals.'],
  ],
  'a name begins the sentence': [
    ['The AP quoted a local official as saying the bridge had collapsed.', 'Associated Press quoted a local official as saying the bridge had collapsed.'],
  ],
  'a name is written as one word': [
    ['Hackers plan to deface thousands of Web sites on Sunday.', 'Hackers plan to deface thousands of websites on Sunday.'],
  ],
  '"declined" takes a noun': [
    ['The spokesman would not comment on the report.', 'The spokesman declined comment on the report.'],
    ['The minister did not respond to requests for an interview.', 'The minister declined requests for an interview.'],
    ['Exports declined the most in March.', 'Exports fell the most in March.'],
  ],
};

const TYPES: DistortionType[] = [
  'negation',
  'number',
  'unit',
  'entity-swapped',
  'entity-dropped',
  'speaker',
  'hedge-dropped',
  'role-swap',
  'truncated',
];

const types = (source: string, copy: string): DistortionType[] => detectDistortions(source, copy).map((d) => d.type);

describe('detectDistortions', () => {
  for (const type of TYPES) {
    it(`flags ${type}`, () => {
      const pairs = CHANGED.filter(([t]) => t === type);
      assert.ok(pairs.length >= 3, `at least three ${type} pairs`);
      for (const [, source, copy] of pairs) assert.ok(types(source, copy).includes(type), `${type} not found:\n  ${source}\n  ${copy}`);
    });
  }

  it('flags nothing in honest rewrites', () => {
    const flagged = HONEST.map(([s, c]) => ({ s, c, d: detectDistortions(s, c) })).filter((x) => x.d.length);
    assert.deepEqual(
      flagged.map((x) => `${x.s} | ${x.c} => ${x.d.map((d) => d.detail).join('; ')}`),
      [],
    );
  });

  for (const [rule, pairs] of Object.entries(REWORDED)) {
    it(`flags nothing when ${rule}`, () => {
      const flagged = pairs.map(([s, c]) => ({ s, c, d: detectDistortions(s, c) })).filter((x) => x.d.length);
      assert.deepEqual(
        flagged.map((x) => `${x.s} | ${x.c} => ${x.d.map((d) => d.detail).join('; ')}`),
        [],
      );
    });
  }

  it('keeps precision at or above 0.9 over all pairs', () => {
    let tp = 0;
    let fp = 0;
    for (const [type, s, c] of CHANGED) for (const t of types(s, c)) t === type ? tp++ : fp++;
    for (const [s, c] of [...HONEST, ...Object.values(REWORDED).flat()]) fp += types(s, c).length;
    assert.ok(tp / (tp + fp) >= 0.9, `precision ${tp / (tp + fp)}`);
  });

  it('returns the two sentences and says what changed', () => {
    const source = 'At least 12 people were killed when the bus overturned near Mardan.';
    const copy = 'At least 21 people were killed when the bus overturned near Mardan.';
    assert.deepEqual(detectDistortions(source, copy), [{ type: 'number', source, copy, detail: '12 -> 21' }]);
    const detail = (s: string, c: string): string[] => detectDistortions(s, c).map((d) => `${d.type}: ${d.detail}`);
    assert.deepEqual(detail('The militants reportedly seized the town.', 'The militants seized the town.'), [
      "hedge-dropped: hedge 'reportedly' dropped",
    ]);
    assert.deepEqual(detail('The ceasefire will hold.', 'The ceasefire will not hold.'), ["negation: negation added: 'not'"]);
    assert.deepEqual(detail('The convoy travelled 150 km.', 'The convoy travelled 150 miles.'), ['unit: 150 km -> 150 miles']);
    assert.deepEqual(detail('Fighting broke out in Kandahar on Tuesday.', 'Fighting broke out in Herat on Tuesday.'), [
      'entity-swapped: Kandahar -> Herat',
    ]);
    assert.deepEqual(detail('The talks failed, Ismail Khan said.', 'The talks failed, Abdul Rashid said.'), ['speaker: Ismail Khan -> Abdul Rashid']);
    assert.deepEqual(detail('The army said it won, but officials denied it.', 'The army said it won.'), [
      "truncated: dropped ', but officials denied it.'",
    ]);
  });

  it('reports a cut clause once, not again for the cues it carried', () => {
    // The dropped clause holds a denial and a name; only the cut is reported.
    const d = detectDistortions(
      'Troops entered the town on Monday, although the Interior Ministry denied any fighting.',
      'Troops entered the town on Monday.',
    );
    assert.deepEqual(
      d.map((x) => x.type),
      ['truncated'],
    );
  });

  it('treats a sentence and itself as unchanged', () => {
    const s = 'The storm left 1.5 million homes without power, officials said.';
    assert.deepEqual(detectDistortions(s, s), []);
    assert.deepEqual(detectDistortions(s, s.replace(/ /g, '  ')), []);
  });
});

it('"seemingly" rewritten as "appeared to" keeps the hedge', () => {
  const found = detectDistortions(
    "But the city's defenses seemingly evaporated overnight as troops retreated to a base outside the city.",
    "The city's defenses, however, appeared to vanish overnight as troops retreated to a camp outside of town.",
  );
  assert.deepEqual(found.map((d) => d.type), [], 'no distortion');
});


describe('detectDistortions on words that are names of Object properties', () => {
  it('reads "constructor" as a word: the number beside it still counts', () => {
    assert.deepEqual(
      detectDistortions('He built 5 constructor units.', 'He built 6 constructor units.').map((d) => [d.type, d.detail]),
      [['number', '5 -> 6']],
    );
    assert.deepEqual(
      detectDistortions('They paid the constructor 500 dollars.', 'They paid the constructor 600 dollars.').map((d) => d.detail),
      ['500 dollars -> 600 dollars'],
    );
  });
});
