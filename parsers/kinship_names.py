"""First names and the gender they are usually given, for reading kinship stories whose genders are known
only from names (an assumption the reading reports, e.g. "Heather taken as female from the first name").

Built once (not at run time) from two permissively licensed lists:
- the US Census Bureau's 1990 first-name frequency files (a US government work, public domain), as shipped in
  the `names` package 0.3.0 by Trey Hunner (MIT licence);
- the English-locale first-name lists of `Faker` 40.63.0 (en, en_GB, en_IE, en_IN, en_KE, en_NG, en_NZ, en_US;
  MIT licence, copyright (c) 2012 Daniele Faraglia).
Rule: a name common in the census (frequency >= 0.01%) takes the gender with at least 10x the other's frequency;
otherwise the sources must agree on one gender. Names the sources give to both genders are UNISEX: no gender is
assumed for them (the neutral term is used unless the story says).
"""

FEMALE = """
Aachal Aadhya Aahana Aaliyah Aarini Aarna Aashi Abagail Abbey Abbi Abbie Abbigail Abby Abha Abigael Abigail
Abigale Abigayle Abril Achieng Achsah Ada Adah Adaline Adalyn Adalynn Adamaris Adda Addie Addison Addisyn
Addyson Adel Adela Adelaida Adelaide Adele Adelia Adelina Adeline Adell Adella Adelle Adelyn Adelynn Adena
Adilene Adina Adison Adline Adria Adriana Adriane Adrianna Adrianne Adriene Adrienne Advika Adweta Adya
Adyson Affie Afton Agatha Aggie Agnes Agness Agnus Agripina Agueda Agusta Agustina Ai Aida Aide Aideen Aiko
Aileen Ailene Aili Ailis Aimee Aine Ainsley Aisha Aishani Aisling Aislinn Aiyana Aiyanna Aja Akeelah Akiko
Akilah Akinyi Akira Akoth Ala Alabama Alaina Alaine Alana Alane Alani Alanis Alanna Alannah Alaya Alayna
Alba Alberta Albertha Albertina Albertine Albina Alcie Alda Aldona Aleah Alease Alecia Aleen Aleena Aleida
Aleisha Alejandra Alejandrina Alena Alene Alesha Aleshia Alesia Alessandra Aleta Aletha Alethea Alethia
Alexa Alexandr Alexandra Alexandrea Alexandria Alexia Alexina Alexus Alexys Alfreda Alfredia Alia Aliana
Alica Alice Alicia Alida Alina Aline Alisa Alise Alisha Alishia Alisia Alison Alissa Alisson Alita Alivia
Alix Aliya Aliyah Aliza Alize Alka Alla Allean Alleen Allegra Allena Allene Allie Alline Allison Allisson
Ally Allyson Allyssa Alma Almeda Almedia Almeta Almina Almira Almyra Aloma Alona Alondra Alpha Alphonsine
Alta Altagracia Altha Althea Altie Alvena Alvera Alverda Alverta Alvina Alvira Alwilda Alwina Alwine Alyce
Alycia Alys Alysa Alyse Alysha Alysia Alyson Alyssa Alyssia Alyvia Alzina Ama Amada Amaia Amaira Amal Amalia
Amalie Amanda Amara Amaris Amaya Amber Amberly Amee Amelia Amelie America Amey Ami Amiah Amie Amiee Amina
Amira Amirah Amiya Amiyah Amma Ammie Amparo Amrita Amruta Amy Amy-Lee Amy-Leigh Amya An Ana Anabel Anabella
Anabelle Anahera Anahi Anais Analia Analisa Anamaria Anamika Anastacia Anastasia Anaya Andera Andrea Andree
Andria Anette Angela Angele Angelena Angeles Angelia Angelic Angelica Angelika Angelina Angeline Angelique
Angelita Angella Angelyn Angie Angila Angla Angle Anglea Anh Anice Anie Anika Anisa Anisha Anissa Anita
Anitra Aniya Aniyah Anja Anjali Anjanette Anjelica Ann Anna Annabel Annabell Annabella Annabelle Annah
Annalee Annalisa Annalise Annamae Annamaria Annamarie Annastacia Anne Anne-Marie Anneliese Annelle Annemarie
Anner Annet Annett Annetta Annette Annice Annie Annika Annis Annita Annmarie Anona Ansley Antionette
Antoinette Antonetta Antonette Antonietta Antonina Anusha Anvi Anya Anyango Aoibheann Aoibhin Aoibhinn Aoife
Apolonia April Apryl Ara Arabella Araceli Aracelis Aracely Aradhana Arah Araminta Arcelia Ardath Ardelia
Ardella Ardelle Ardeth Ardis Ardith Ardyce Areli Arely Aretha Argelia Argentina Argie Aria Ariana Ariane
Arianna Arianne Arica Arie Ariella Arielle Arietta Arizona Arkie Arla Arlean Arleen Arlena Arlene Arleth
Arletha Arletta Arlette Arlinda Arline Arly Arlyne Armanda Armandina Armida Arminda Arminta Arnetta Arnette
Arnita Aroha Arra Arrie Arta Artelia Arunima Arvilla Arya Aryana Aryanna Asha Ashanti Ashely Ashlea Ashlee
Ashleigh Ashlene Ashley Ashli Ashlie Ashling Ashly Ashlyn Ashlynn Ashtyn Asia Asley Ason Aspen Assunta
Astrid Asuncion Ataahua Athena Ati Atieno Attie Aubree Aubrie Audra Audrea Audrey Audria Audriana Audrianna
Audrie Audrina Audry Augusta Augustina Aundrea Aura Aurea Aurelia Aurilla Aurora Aurore Autumn Ava Avah
Avelina Averi Averie Avie Avis Avni Avril Awhina Awilda Ayako Ayana Ayanna Ayesha Ayla Ayleen Aylin Azalee
Azaria Azariah Azucena Azul Azzie Babara Babette Baby Baghyawati Bailee Bama Bambi Bao Barabara Barb Barbar
Barbara Barbera Barbie Barbra Bari Barkha Basilia Baylee Baylie Bea Beadie Beata Beatrice Beatris Beatrix
Beatriz Beaulah Bebe Becki Beckie Becky Beda Bee Belen Belia Belinda Belkis Bella Belle Belva Bena Benita
Benta Berdie Berenice Berna Bernadette Bernadine Bernarda Bernardina Bernardine Berneice Bernetta Bernice
Berniece Bernita Berta Bertha Bertina Bess Besse Bessie Beth Betha Bethan Bethanie Bethann Bethany Bethzy
Betsey Betsy Bette Bettie Bettina Betty Bettyann Bettye Bettyjane Bettylou Beula Beulah Bev Beverlee
Beverley Beverly Beyonce Bhanumati Bhavani Bhavika Bhavini Bhavna Bhavya Bianca Bibi Biddie Bilha Billi
Billie-Jo Billye Bimala Bina Birdella Birdie Birgit Birtha Birtie Bishakha Blanaid Blanca Blanch Blanche
Blanchie Blessing Blondell Blossom Blythe Bobbi Bobbye Bobette Bok Bong Bonita Bonnie Bonny Bosibori Braelyn
Branda Brande Brandee Brandi Brandie Brandy Brea Breana Breann Breanna Breanne Bree Brenda Brendah Brenna
Breonna Bria Briana Brianda Brianna Brianne Bridget Bridgett Bridgette Bridgit Brielle Brigette Brigid
Brigida Brigitte Briley Brinda Brinley Brionna Brisa Bristol Britany Britney Britni Britny Britta Brittaney
Brittani Brittanie Brittany Britteny Brittnay Brittnee Brittney Brittni Brittnie Brittny Bronach Bronagh
Bronwyn Brooke Brooklynn Bruna Brunilda Bryana Bryanna Brylee Bryn Brynlee Brynn Bryony Buelah Buena Buffy
Bula Bulah Buna Bunny Burma Byrdie Caddie Cadence Cailin Cailyn Caitlin Caitlyn Caitlynn Caitriona Calandra
Caldonia Caleigh Cali Calista Calla Calleigh Callie Cambria Camelia Camellia Cami Camie Camila Camilla
Camille Camisha Cammie Cammy Candace Candance Candelaria Candi Candice Candida Candie Candis Candra Candy
Candyce Cannie Caoilfhionn Caoimhe Capitola Cappie Caprice Cara Caragh Caren Cari Caridad Carie Carin Carina
Carisa Carissa Carita Carla Carlee Carleen Carleigh Carlena Carlene Carletta Carley Carli Carline Carlita
Carlota Carlotta Carly Carlyn Carma Carman Carmela Carmelia Carmelina Carmelita Carmella Carmen Carmina
Carmon Caro Carol Carola Carolann Carole Carolee Carolin Carolina Caroline Caroll Carolyn Carolyne Carolynn
Caron Caroyln Carra Carren Carri Carrie Carry Caryl Carylon Caryn Casandra Casie Casimira Cassandra
Cassaundra Cassey Cassi Cassie Cassondra Cassy Catalina Catarina Caterina Catharine Catherin Catherina
Catherine Cathern Catheryn Cathey Cathi Cathie Cathleen Cathrine Cathryn Cathy Catina Catrice Catrina
Catriona Caydence Cayla Caylee Ceara Cecelia Cecila Cecile Cecilia Cecille Cecily Ceil Celena Celesta
Celeste Celestia Celestina Celestine Celia Celie Celina Celinda Celine Celsa Cena Centrine Ceola Chaaya Chae
Chaitaly Chaka Chakrika Chaman Chameli Chan Chana Chanchal Chanda Chandani Chandra Chanel Chanell Chanelle
Chaney Chanie Channie Chantal Chantay Chante Chantel Chantell Chantelle Chara Charis Charise Charissa
Charisse Charita Charity Charla Charlee Charleen Charlena Charlene Charlesetta Charlette Charline Charlize
Charlott Charlotta Charlotte Charlottie Charlsie Charlyn Charmain Charmaine Charolette Charvi Chasidy
Chasity Chasmum Chassidy Chastity Chau Chavvi Chaya Chebet Chelangat Chelsea Chelsey Chelsi Chelsie Chelsy
Chepkemoi Chepkoech Chepkorir Cher Chere Cheree Cherelle Cheri Cherie Cherilyn Cherise Cherish Cherith
Cherly Cherlyn Cherotich Cherrelle Cherri Cherrie Cherry Cherryl Chery Cheryl Cheryle Cheryll Chessie
Chestina Cheyanne Chia Chieko Chimere China Ching Chiquita Chloe Chloie Chrissie Chrissy Christa Christabel
Christal Christeen Christel Christen Christena Christene Christi Christia Christiana Christiane Christie
Christin Christina Christine Christinia Christy Chrystal Chu Chun Chyna Chynna Ciara Ciarra Ciarrai Cicely
Cielo Ciera Cierra Ciji Cilla Cinda Cinderella Cindi Cindie Cindy Cinnamon Cinthia Cira Citlali Citlalli
Claire Clara Clarabelle Clare Claretha Claretta Claribel Clarice Clarinda Clarine Claris Clarisa Clarissa
Clarita Classie Claudette Claudia Claudine Cleda Clelia Clella Clemencia Clementina Clementine Clemie Clemma
Cleola Cleone Cleopatra Cleora Cleotilde Cleta Cleva Clevie Cliffie Cliodhna Cliona Clodagh Cloe Clora
Clorinda Clotilda Clotilde Clyda Clydie Clytie Coleen Colene Coletta Colette Colleen Collen Collene Collette
Columbia Comfort Concepcion Conception Concetta Concha Conchita Connie Consolata Constance Consuela Consuelo
Contessa Contina Cora Coraima Coral Coralee Coralie Corazon Corda Cordelia Cordella Cordia Cordie Corean
Coreen Corene Coretta Cori Corie Corina Corine Corinna Corinne Corliss Cornelia Cornie Corrie Corrin Corrina
Corrine Corrinne Courteney Creola Cressie Crete Criselda Crissie Crissy Crista Cristal Cristen Cristi
Cristie Cristin Cristina Cristine Cristy Crysta Crystal Crystle Cuba Cuc Cydney Cyndi Cyndy Cyntha Cynthia
Cyrstal Cythia Dacia Dafne Dagmar Dagny Dahlia Daija Daijah Daina Daine Dairine Daisey Daisha Daisie Daisy
Daisye Daja Daksha Dalaja Dalene Dalia Dalila Damaris Damini Damyanti Danae Daneen Danelle Danette Dani
Dania Danica Daniela Daniele Daniell Daniella Danielle Danika Danille Danita Danna Dannette Dannielle Danuta
Danyel Danyell Danyelle Daphine Daphne Darcel Darcey Darci Darcie Darcy Daria Dariana Darika Darla Darleen
Darlena Darlene Darline Darlyne Dasia Davida Davina Dawn Dawna Dawne Dayamai Dayami Dayana Dayanara Dayita
Dayle Dayna Dayse Daysi Deadra Deana Deandra Deandrea Deann Deanna Deanne Dearbhail Dearbhaile Dearbhla
Deasia Deb Debbi Debbie Debbra Debby Debera Debi Debora Deborah Deborrah Debra Debrah Debroah Dede Dedra
Deeann Deeanna Deedee Deedra Deena Deepa Deetta Deidra Deidre Deirbhile Deirdre Deja Dejah Delaine Delana
Delaney Delcie Delena Delfina Delia Deliah Delicia Delila Delilah Delina Delinda Delisa Della Dellar Delle
Dellia Dellie Delmy Delois Deloise Delora Deloras Delores Deloris Delorse Delpha Delphia Delphine Delsie
Delta Dema Demetra Demetria Demetrice Demi Demi-Lee Demi-Leigh Dena Denae Deneen Denese Denice Denine Denise
Denisha Denisse Denita Denna Dennise Denyse Deonna Dervla Desirae Desire Desiree Despina Dessa Destany
Destinee Destiney Destini Destiny Detra Devika Devona Devora Devorah Deyanira Dezzie Dhriti Dia Dian Diana
Dianah Diandra Diane Diann Dianna Dianne Dicie Dicy Diedra Diedre Dierdre Digna Dillie Dimple Dina Dinah
Dinorah Dione Dionna Dionne Dipta Divina Divya Dixie Diya Djuana Djuna Docia Dodie Dola Dollie Dolly Dollye
Dolores Doloris Dolphine Domenica Dominga Dominica Dominque Domitila Domonique Dona Donella Donetta Donette
Donia Donie Donita Donna Donnetta Donnette Donya Dora Dorathea Dorathy Dorcas Dorcus Doreatha Doreen Dorene
Doretha Dorethea Doretta Dori Doria Dorie Dorinda Dorine Doris Dorla Dorotha Dorothea Dorothy Dortha Dorthea
Dorthey Dorthy Dosha Doshia Doshie Dosia Dossie Dot Dottie Dotty Dove Dovie Dreama Drema Drucilla Drusilla
Dulce Dulcie Dung Dusti Dwan Dwana Dyan Eadaoin Earlean Earleen Earlene Earline Earnestine Eartha Easter
Eathel Ebba Eboni Ebonie Ebony Echo Eda Edda Eddah Edel Edelmira Edhitha Edinah Edith Edla Edmonia Edna
Ednah Edra Edrie Edris Edwina Edyth Edythe Eesha Effa Effie Ehtel Eileen Eilene Eilis Eilish Eimear Eimer
Eimhear Eiravati Eithel Ekaja Ekani Ekanta Ekantika Ekiya Ekta Ela Eladia Elaina Elaine Elana Elane Elanor
Elayne Elba Elberta Elda Eldora Eleanor Eleanora Eleanore Elease Electa Elena Elene Eleni Elenor Elenora
Elenore Eleonor Eleonora Eleonore Elfie Elfreda Elfrieda Elfriede Elia Eliana Elianna Elicia Elida Elidia
Elin Elina Elinor Elinore Elisa Elisabeth Elise Elissa Eliz Eliza Elizabet Elizabeth Elizbeth Elizebeth Elke
Ella Ellamae Ellan Ellar Elle Ellen Ellena Eller Elli Elliana Ellie Ellyn Elma Elmina Elmira Elmire Elmyra
Elna Elnora Elodia Elodie Elois Eloisa Eloise Elosy Elouise Elsa Else Elsie Elsy Elta Elva Elvera Elvia
Elvie Elvina Elvira Elwanda Elyse Elyssa Elzada Ema Emaline Ember Emelda Emelia Emelie Emelina Emeline Emely
Emer Emerald Emerita Emiko Emilee Emilia Emilie Emilly Emily Emma Emma-Louise Emmaculate Emmah Emmalee
Emmaline Emmer Emmie Emmy Emogene Ena Enedina Eneida Enid Enola Enriqueta Enya Eola Epifania Eppie Epsie Era
Erica Ericka Erika Erin Erinn Eris Erla Erlene Erlinda Erline Erma Ermelinda Ermina Ermine Erminia Erna
Ernestina Ernestine Erykah Eryn Eshana Esmeralda Esperanza Essa Essence Essie Esta Estefana Estefani
Estefania Estefany Estela Estell Estella Estelle Ester Esther Estie Estrella Eta Etha Ethel Ethelene Ethelyn
Ether Ethie Ethyl Ethyle Etna Etsuko Etta Etter Ettie Eudora Eufemia Eugena Eugenia Eugenie Eula Eulah
Eulalia Eulalie Eun Euna Eunice Euphemia Eura Eusebia Eustolia Eva Evalena Evaline Evalyn Evalyne Evangelina
Evangeline Eve Evelena Evelia Evelin Evelina Eveline Evelyn Evelyne Evelynn Ever Everline Everlyne Evette
Evia Evie Evita Evon Evonne Ewa Exa Exie Fabiola Fae Fainche Fairy Faith Falak Falguni Fallon Falon Fancy
Fannie Fanny Fannye Farah Farida Farrah Fatima Fatimah Fatuma Faustina Faviola Fawn Fay Faye Fe Felecia
Felica Felice Felicia Felicidad Felicie Felicita Felicitas Felicity Felipa Felisa Felisha Felista Felister
Felistus Fermina Fern Fernanda Fernande Ferne Fidela Fidelia Filomena Fiona Fionnuala Flavia Fleda Fleeta
Fleta Flo Flonnie Flor Flora Florance Florence Florencia Florene Florentina Floretta Floria Florida Florie
Florinda Florine Florrie Flossie Fonda Forum Fran Franc France Francene Frances Francesca Franchesca Francie
Francies Francina Francine Francisca Francisquita Francoise Fransisca Freda Fredda Frederica Fredericka
Fredia Fredricka Freeda Freida Freya Frida Fridah Frieda Frona Fronia Fronie Fronnie Fumiko Gabriela
Gabriele Gabriella Gabrielle Gail Gala Galilea Galina Ganga Garima Gaurangi Gauri Gaurika Gautami Gay
Gayathri Gaye Gayla Gayle Gaylene Gaynell Gaynelle Gearldine Geetika Gema Gemma Gena Genesis Geneva Genevie
Genevieve Genevive Genevra Genia Genna Gennie Genny Genoveva Georgann Georganna Georgeann Georgeanna
Georgene Georgetta Georgette Georgia Georgiana Georgiann Georgianna Georgianne Georgina Georgine Geraldine
Geralyn Gerda Geri Gerri Gertha Gertie Gertrud Gertrude Gertrudis Gertude Gesare Getrude Ghislaine Gia Giada
Giana Gianna Gidget Gigi Gilberte Gilda Gillian Gillie Gilma Gina Ginette Ginger Ginny Giovanna Girtha
Gisela Gisele Giselle Gisselle Gita Giuliana Giuseppina Gladis Glady Gladyce Gladys Glayds Glenda Glendora
Glenna Glennie Glennis Glenys Glinda Gloria Glory Glynda Glynis Golda Goldia Goldie Grace Gracelyn Gracia
Gracie Graciela Grainne Grayce Grazyna Grecia Gregoria Greta Gretchen Gretta Gricelda Grisel Griselda Gudrun
Guillermina Gunda Gusta Gustie Gwen Gwenda Gwendolyn Gwenn Gwyn Gwyneth Ha Habiba Hadassah Hadija Hae Hafsa
Hailee Hailey Hailie Haleigh Haley Hali Halie Halima Halina Halle Hamsini Han Hana Hang Hanh Hanna Hannah
Hannelore Harinakshi Harini Harita Harlene Harmony Harriet Harriett Harriette Haruko Hasel Hassie Hattie
Hawa Haydee Haylee Hayleigh Hayley Haylie Hazel Hazelle Hazle Heather Heaven Hedwig Hedy Hee Heide Heidi
Heidy Heike Helaine Helen Helena Helene Helga Hellen Helma Helyn Hema Hemal Hemangini Hemani Hennie Henretta
Henrietta Henriette Herlinda Herma Hermelinda Hermila Hermina Hermine Herminia Herta Hertha Hessie Hester
Hettie Hetty Hiedi Hien Hilah Hilaria Hilary Hilda Hildah Hilde Hildegard Hildegarde Hildred Hildur Hillary
Hilma Hinewai Hiral Hiroko Hisako Hoa Holley Holli Holly Honey Honora Hope Hortencia Hortense Hortensia Hsiu
Hue Hui Huia Hulda Huldah Huong Hwa Hyacinth Hye Hyo Hyon Hyun Ica Icey Icie Icy Ida Idabelle Idalia Idamae
Idell Idella Idika Iesha Ieshia Ignacia Ijaya Ikshita Ila Ilah Ilana Ilda Ileana Ileen Ilene Iliana Illa
Ilma Ilo Ilona Ilse Iluminada Ima Imani Imelda Immaculate Imo Imogen Imogene In Ina Inaya Indali Indi India
Indiana Indie Indira Inell Ines Inez Inga Inge Ingeborg Inger Ingrid Inocencia Iola Iona Ione Iraida Ireland
Irena Irene Iridian Irina Irine Iris Irish Irma Irmgard Irva Irya Isa Isabel Isabela Isabell Isabella
Isabelle Isadora Isamar Isaura Isela Isha Ishani Ishanvi Ishita Isidra Isis Isla Isobel Itzel Iva Ivah Ivana
Ivanna Ivelisse Ivette Ivie Ivone Ivonne Ivy Iyana Iyanna Iza Izabella Izabelle Izetta Izola Izora Ja
Jacalyn Jacelyn Jacey Jacinda Jacinta Jackeline Jackelyn Jacki Jackline Jacklyn Jackqueline Jaclyn
Jacqualine Jacque Jacquelin Jacqueline Jacquelyn Jacquelyne Jacquelynn Jacquetta Jacqui Jacquie Jacquiline
Jacquline Jacqulyn Jada Jadwiga Jaeda Jael Jaelyn Jaelynn Jagrati Jagvi Jaida Jailene Jailyn Jaimee Jakayla
Jaleesa Jalisa Jalissa Jaliyah Jalsa Jalyn Jalynn Jama Jamee Jami Jamie-Lee Jamie-Leigh Jamika Jamila Jamiya
Jamya Jana Janae Janaki Janani Janay Jane Janean Janee Janeen Janel Janell Janella Janelle Janene Janessa
Janet Janeth Janett Janetta Janette Janey Jani Janiah Janice Janie Janiece Janina Janine Janis Janise Janita
Janiya Janiyah Jann Janna Jannet Jannette Jannie January Januja Janya Janyce Jaquelin Jaqueline Jaquelyn
Jaslene Jaslyn Jasmin Jasmine Jasmit Jasmyn Jasmyne Jaunita Jaycee Jaycie Jayda Jayde Jaye Jayla Jaylah
Jaylee Jayleen Jaylene Jaylyn Jaylynn Jaymie Jayna Jayne Jazlene Jazlyn Jazlynn Jazmin Jazmine Jazmyn
Jazmyne Jeana Jeane Jeanelle Jeanene Jeanett Jeanetta Jeanette Jeanice Jeanie Jeanine Jeanmarie Jeanna
Jeanne Jeannetta Jeannette Jeannie Jeannine Jebet Jecinta Jedidah Jeevika Jelagat Jemima Jemimah Jemma
Jemutai Jen Jena Jenae Jene Jenee Jenell Jenelle Jenette Jeneva Jeni Jenice Jenifer Jeniffer Jenilee Jenine
Jenipher Jenise Jenna Jennefer Jennell Jennette Jenni Jennie Jennifer Jenniffer Jennine Jenny Jepchirchir
Jepchumba Jepkemoi Jepkoech Jepkorir Jepkosgei Jeptoo Jeraldine Jeri Jerica Jerilyn Jerilynn Jerlene Jerono
Jerop Jerotich Jerri Jerrica Jerrie Jerrilyn Jerusha Jeruto Jeryl Jesca Jesenia Jesica Jessenia Jessi Jessia
Jessica Jessika Jessye Jestine Jesusa Jesusita Jetta Jhalak Ji Jill Jillian Jimena Jin Jina Jinnie Jinny Jo
Joan Joana Joane Joanie Joann Joanna Joanne Joannie Joaquina Jocelyn Jocelyne Jocelynn Jodee Jodi Jodie
Joeann Joell Joella Joelle Joellen Joetta Joette Johana Johanna Johannah Johanne Johna Johnetta Johnette
Johnna Johnsie Joi Joie Jolanda Joleen Jolene Jolette Jolie Joline Jolyn Jolynn Jona Jone Jonell Jonelle
Jong Joni Jonie Jonna Jordin Joretta Jorja Josefa Josefina Josefine Josefita Joselin Joseline Joselyn
Josephina Josephine Josette Josie Josiephine Joslyn Josphine Jossie Journey Jovita Joy Joya Joyce Joycelyn
Joye Joyline Juana Juanita Judi Judie Judith Judy Judyth Julee Julene Juli Julia Juliana Juliane Juliann
Julianna Julianne Julie Julie-Anne Julieann Julienne Juliet Julieta Julietta Juliette Julisa Julissa June
Jung Junia Junie Junita Junko Justa Justina Justine Jutta Jyoti Ka Kaaren Kacey Kaci Kacie Kacy Kadence
Kadijah Kaela Kaelyn Kaelynn Kaia Kaila Kailee Kailey Kailyn Kaitlin Kaitlyn Kaitlynn Kaiya Kala Kaleena
Kaleigh Kalene Kaley Kali Kalie Kaliyah Kallie Kalyn Kam Kamala Kami Kamila Kamilah Kamora Kamya Kandace
Kandi Kandice Kandis Kandra Kandy Kanesha Kanisha Kara Karel Karen Karena Karey Kari Karie Karima Karin
Karina Karine Karis Karisa Karissa Karla Karlee Karleen Karlene Karley Karli Karlie Karly Karlyn Karma
Karmen Karol Karole Karoline Karolyn Karon Karren Karri Karrie Karry Karsyn Kary Karyl Karyme Karyn Kasandra
Kasha Kashish Kashvi Kasi Kasie Kassandra Kassidy Kassie Katarina Kate Katelin Katelyn Katelynn Katerina
Katerine Kathaleen Katharina Katharine Katharyn Kathe Katheleen Katherin Katherina Katherine Kathern
Katheryn Kathey Kathi Kathie Kathleen Kathlene Kathline Kathlyn Kathrin Kathrine Kathryn Kathryne Kathy
Kathyrn Kati Katia Katie Katie-Louise Katina Katlin Katlyn Katlynn Katrice Katrina Kattie Katy Kavya Kay
Kaya Kayce Kaycee Kaydence Kaye Kayla Kaylah Kaylan Kaylee Kayleen Kayleigh Kaylen Kaylene Kayley Kayli
Kaylie Kaylin Kaylyn Kaylynn Kazuko Keanna Keara Kecia Keeley Keely Keena Keesha Keeva Keiko Keila Keira
Keisha Keitha Kelcie Keli Kelis Kelle Kellee Kelli Kellie Kelly-Anne Kelly-Marie Kellye Kelsea Kelsey Kelsi
Kelsie Kemberly Kemuma Kemunto Kena Kenda Kendra Kenia Kenisha Kenley Kenna Kennedi Kenya Kenyetta Kenzie
Kera Keren Keri Kerri Kerrie Kerstin Kerubo Kesha Keshia Keturah Keva Keya Keyla Keziah Khadija Khadijah
Khalilah Khloe Kia Kiana Kianna Kiarra Kiera Kierra Kiersten Kiesha Kimber Kimberely Kimberlee Kimberley
Kimberli Kimberlie Kimberly Kimbery Kimbra Kimi Kimiko Kimora Kina Kindra Kinley Kinsey Kinsley Kira Kiri
Kirsten Kirstie Kirstin Kirsty Kisha Kittie Kitty Kiya Kiyoko Kizzie Kizzy Klara Kloe Kora Kori Kortney
Kourtney Krisha Krissy Krista Kristal Kristan Kristeen Kristel Kristen Kristi Kristie Kristin Kristina
Kristine Kristle Kristy Kristyn Kritika Krysta Krystal Krysten Krystin Krystina Krystle Krystyna Kum
Kwamboka Kya Kyara Kyla Kylah Kylee Kyleigh Kylene Kylie Kym Kymberly Kyoko Kyong Kyra Kyrie Kyung Lacey
Lachelle Laci Lacie Lacresha Ladawn Ladli Ladonna Lady Lael Lahoma Lai Laila Lailah Laine Lainey Laisha
Lajita Lajuana Lakeesha Lakeisha Laken Lakendra Lakenya Lakesha Lakeshia Lakia Lakiesha Lakisha Lakita
Lakshmi Lala Lalla Lamonica Lan Lana Lanell Lanelle Lanette Laney Lang Lani Lanie Lanita Lanora Laoise
Laquanda Laquita Lara Larae Laraine Laree Larhonda Larisa Larissa Larita Laronda Larraine Lasandra Lashanda
Lashandra Lashaun Lashaunda Lashawna Lashawnda Lashay Lashell Lashon Lashonda Lashunda Lasonya Lassie
Latanya Latarsha Latasha Latashia Latesha Latia Laticia Latifah Latina Latisha Latonia Latonya Latoria
Latosha Latoya Latoyia Latrice Latricia Latrina Latrisha Launa Laura Lauralee Lauran Laure Laureen Laurel
Lauren Laurena Laurene Lauretta Laurette Lauri Laurice Laurie Laurinda Laurine Lauryn Lavada Lavanya Lavelle
Lavender Lavenia Lavera Laverna Laveta Lavette Lavina Lavinia Lavona Lavonda Lavone Lavonia Lavonna Lavonne
Lawana Lawanda Lawanna Layla Laylah Lea Leafy Leah Leala Lean Leana Leandra Leaner Leann Leanna Leanne
Leanora Leatha Leatrice Lecia Leda Leeann Leeanna Leeanne Leela Leena Leesa Leia Leida Leigha Leighann Leila
Leilani Leisa Leisha Leitha Lekha Lekisha Lela Lelah Lelar Lelia Lella Lemma Lempi Lena Lenah Lenita Lenna
Lenora Lenore Leola Leoma Leona Leonarda Leone Leonia Leonida Leonie Leonila Leonor Leonora Leonore Leontine
Leora Leota Lera Lesa Lesha Lesia Leslee Lesli Lesly Lessie Lesta Leta Letha Lethia Leticia Letisha Letitia
Letta Lettie Letty Leva Levina Lexi Lexis Lexus Leyla Lezlie Li Lia Liana Liane Lianne Libbie Libby Liberty
Libni Librada Lida Liddie Lidia Lidie Lien Lieselotte Ligia Lila Lilah Lili Lilia Lilian Liliana Lilianna
Lilie Lilla Liller Lilli Lillia Lilliam Lillian Lilliana Lillianna Lillie Lillis Lilly Lily Lilyan Lilyana
Lilyanna Lin Lina Linah Linda Lindah Lindsay Lindsy Linet Linette Ling Linh Linna Linnea Linsey Lipika Lisa
Lisa-Marie Lisabeth Lisandra Lisbeth Lise Lisette Lisha Lissa Lissette Lissie Lita Litha Littie Litzy Livia
Liz Liza Lizabeth Lizbeth Lizeth Lizette Lizzette Lizzie Loan Lockie Loda Loice Loida Lois Loise Lola Lolita
Lolla Lollie Loma Lona Londa Londyn Loni Lonna Lopa Lora Loraine Loralee Lorayne Lore Lorean Loree Loreen
Lorelai Lorelei Lorena Lorene Loreta Loretta Lorette Loretto Lori Loria Loriann Lorie Lorilee Lorina Lorinda
Lorine Loris Lorita Lorna Lorraine Lorrayne Lorretta Lorri Lorriane Lorrie Lorrine Lory Lossie Lota Lotta
Lottie Louann Louanna Louanne Louella Louetta Louisa Louise Louisiana Loula Loura Lourdes Lourie Louvenia
Lovella Lovetta Lovey Lovina Lovisa Loyce Lu Luana Luann Luanna Luanne Luba Luberta Lucero Lucetta Luci
Lucia Luciana Lucie Lucienne Lucila Lucile Lucilla Lucille Lucina Lucinda Lucindy Lucrecia Lucretia Lucy
Luda Ludie Ludivina Luella Luetta Lugenia Luisa Luise Lula Lulah Lular Lulie Lulla Lulu Luna Lupita Lura
Lurana Lurena Lurlene Lurline Lutie Luvenia Luvinia Luz Lyda Lydia Lydiah Lyla Lylah Lynda Lyndia Lyndsay
Lyndsey Lynell Lynelle Lynetta Lynette Lynley Lynna Lynne Lynnette Lynsey Ma Mabel Mabell Mabelle Mable
MacKenzie Macel Macey Machelle Maci Macie Macy Madalene Madaline Madalyn Madalynn Maddie Maddison Madelaine
Madeleine Madelene Madeline Madelyn Madelynn Madge Madhavi Madie Madilyn Madilynn Madisen Madisyn Madlyn
Madonna Madora Madyson Mae Maebell Maebelle Maegan Maeve Mafalda Magali Magaly Magan Magaret Magda Magdalen
Magdalena Magdalene Magdaline Magen Maggie Magnolia Mahala Mahalia Mahalie Mahi Mahika Mai Maia Maida Maile
Maimuna Maira Maire Mairead Maisha Maisie Maiya Majorie Makaila Makala Makayla Makeda Makena Makenna
Makenzie Malaya Maleah Malena Malia Maliah Malika Malinda Malisa Malissa Malissie Maliyah Malka Mallie
Mallorie Mallory Malorie Malvina Mame Mamie Mammie Mana Manda Mandi Mandie Mandy Manerva Manervia Manie
Manila Manilla Manuela Manuelita Many Manya Mao Maple Mara Maraea Maragaret Maragret Maralyn Maranda Marcela
Marcelene Marcelina Marceline Marcella Marcelle Marcene Marchelle Marci Marcia Marcie Marcy Mardell Maree
Mareikura Mareli Marely Maren Marg Margaret Margareta Margarete Margaretha Margarett Margaretta Margarette
Margarita Margarite Margart Marge Margene Margeret Margert Margery Marget Margherita Margie Margit Margo
Margorie Margot Margret Margrett Margretta Marguerita Marguerite Margueritte Margurite Margy Marhta Mari
Maria Mariah Mariam Marian Mariana Marianela Marianita Mariann Marianna Marianne Maribel Maribeth Marica
Maricela Maricruz Marie Marie-Claire Mariel Mariela Mariella Marielle Marietta Mariette Mariko Marilee
Marilla Marilou Marilu Marilyn Marilynn Marin Marina Marinda Marine Maris Marisa Marisela Marisha Marisol
Marissa Marita Maritza Marivel Mariyah Marjorie Marjory Marketta Markita Marla Marlana Marlee Marleen
Marleigh Marlen Marlena Marlene Marlie Marline Marlys Marna Marni Marnie Marnita Marolyn Marquerite
Marquetta Marquita Marquitta Marry Marsha Marta Marth Martha Marti Martika Martina Martine Marva Marvel
Marvella Marvis Marx Mary Marya Maryalice Maryam Maryann Maryanna Maryanne Marybelle Marybeth Maryellen
Maryetta Maryjane Maryjo Maryland Marylee Marylin Maryln Marylou Marylouise Marylyn Marylynn Maryrose Masako
Matha Mathilda Mathilde Matie Matilda Matilde Mattie Mattye Maud Maude Maudie Maura Maureen Maurine Maurita
Mavis Maxima Maximina Maxine May Maya Maybell Maybelle Maye Mayme Maymie Mayola Mayra Mazie Mckayla Mckenna
Mckenzie Meabh Meadow Meagan Meaghan Mechelle Meda Media Medora Mee Meera Meg Megan Meggan Megha Meghan
Meghana Meghann Mei Meibh Mekhala Melaine Melani Melania Melanie Melany Melba Melda Melia Melida Melina
Melinda Melisa Melissa Melissia Melita Mellie Mellisa Mellissa Melodee Melodi Melodie Melody Melonie Melony
Melva Melvina Melvine Melynda Mena Mendy Mercedes Mercedez Mercy Mercyline Mereana Meredith Meri Merideth
Meridith Merilyn Merissa Merlene Merna Merri Merrie Merrilee Merrily Merry Mertie Meryl Meta Metha Metrine
Metta Mettie Mi Mia Miah Mica Micaela Micayla Micha Michaela Michaele Micheala Michele Michelina Micheline
Michell Michelle Michiko Micki Mickie Miesha Migdalia Mignon Miguelina Mika Mikaela Mikaila Mikala Mikalah
Mikayla Miki Mikki Mila Milagro Milagros Milcah Milda Mildred Miley Milissa Milka Milkah Millicent Millie
Milly Mima Mimi Min Mina Minda Mindi Mindy Minerva Minervia Ming Minna Minnie Minta Mintie Mira Miracle
Miranda Mireille Mirella Mireya Miriah Miriam Miriama Mirian Mirna Mirriam Mirta Mirtha Mirtie Misha Miss
Missie Missouri Missy Misti Mistie Misty Mitali Mitchelle Mitsue Mitsuko Mittie Mitzi Mitzie Miya Miyoko
Modena Modesta Moesha Mohini Moira Mollie Molly Mona Monet Monica Monicah Monika Monique Monna Monnie
Monserrat Monserrate Moon Mora Moraa Moreen Moriah Morine Mossie Moureen Mourine Mozell Mozella Mozelle
Mugdha Mui Muoi Muriel Mwanajuma Mwanamisi My Mya Myah Myesha Myla Mylee Mylie Myong Myra Myranda Myriam
Myrle Myrna Myrta Myrtice Myrtie Myrtis Myrtle Myung Na Nada Nadene Nadia Nadine Nafula Naida Naima Nakesha
Nakisha Nakita Naliaka Nallely Nam Nan Nana Nancee Nancey Nanci Nancie Nancy Nandini Nanette Nanie Nanjala
Nanna Nannette Nannie Naoimh Naom Naoma Naomh Naomi Naomy Narcisa Narcissus Natacha Natalee Natalia Natalie
Nataly Natalya Natasha Natashia Nathalia Nathalie Nathaly Natisha Natividad Natosha Nautica Nayeli Nayely
Nealie Nealy Necole Neda Nedra Neelima Neema Neha Neida Nekesa Nelda Nelia Nelida Nelie Nelima Nell Nella
Nelle Nellie Nelly Nena Nenita Neola Neoma Neomi Neppie Nereida Nerissa Neta Netra Netta Nettie Neva Nevada
Nevaeh Neveah Nga Ngaire Ngan Ngoc Nguyet Nia Niamh Nichelle Nichol Nichola Nichole Nicholle Nicki Nickie
Nickole Nicol Nicola Nicolasa Nicole Nicolette Nicolle Nida Nidhi Nidia Nidra Niesha Nieves Niharika Niki
Nikia Nikita Nikki Nikole Nila Nilda Nilima Nilsa Nimrat Nina Ninfa Ninnie Nira Nirja Nisha Nita Nitara
Nobie Nobuko Noelia Noella Noelle Noemi Noemie Nohely Nohemi Nola Nolia Nolie Noma Nona Nonie Nora Norah
Noreen Norene Noreta Noretta Noriko Norine Norita Norma Nova Novella Nu Nuala Nubia Nya Nyaboke Nyah
Nyanchama Nyasia Nydia Nyla Nylah Nyree Obdulia Octa Octavia Octavie Odalis Odalys Odelia Odessa Odette
Odika Odile Odilia Oeshi Ofelia Ojasvi Ok Ola Olar Olena Olene Oleta Olevia Olga Olimpia Olinda Oline Oliva
Olive Olivia Olivine Olympia Oma Omaja Omega Omie Omisha Omya Ona Oneida Oneta Oney Oni Onie Onita Onnie
Oonagh Opal Opha Ophelia Ora Orah Oralee Oralia Orelia Orene Oretha Orfhlaith Orilla Orlagh Orlaigh Orlaith
Orlena Orma Orpha Orra Osa Osha Ota Otelia Otilia Ottilia Ottilie Ouida Oviya Ozella Pa Padraigin Pahal
Paige Pairlee Paisley Paityn Pallavi Pallie Palma Palmira Paloma Pam Pamala Pamela Pamelia Pamella Pamila
Pamula Pandora Panini Pansy Paola Paralee Parlee Parthenia Particia Pasty Patience Patria Patrica Patrice
Patricia Patrina Patsy Patti Pattie Patty Paula Paulene Pauletta Paulette Paulina Pauline Paulita Pavani
Payten Paz Peace Pearl Pearla Pearle Pearlene Pearlie Pearline Pearly Peg Peggie Peggy Pei Penelope Penina
Peninah Penney Penni Pennie Penny Pepper Peris Perla Permelia Perri Petra Petrina Petronila Phanice Phebe
Pheobe Philippa Philis Phillis Philomena Philomene Phoebe Phung Phuong Phylicia Phylis Phyliss Phyllis Pia
Piedad Pilar Ping Pink Pinkey Pinkie Piper Pippa Pluma Pok Pollie Polly Pooja Poppy Porsche Porsha Portia
Precious Pricilla Princess Prisca Priscah Priscila Priscilla Priscillah Prisha Priya Providencia Prudence
Prudie Pura Purity Pushti Qiana Queen Queenie Quiana Quinter Qushi Quyen Raagini Rabecca Rachael Rachal
Rachana Racheal Rachel Rachele Rachell Rachelle Rachita Racquel Radha Radhika Rae Raeann Raegan Rael Raelene
Raelyn Raelynn Raewyn Rafaela Ragna Raguel Rahab Rahma Raina Raisa Rajata Rajeshri Raksha Ramona Ramonita
Rana Ranae Randa Randee Randi Ranee Raquel Rasheeda Rashida Raye Raylene Raymonde Rayna Rayne Rea Reanna
Reatha Reba Rebbeca Rebbecca Rebeca Rebecca Rebecka Rebekah Reda Reena Refugia Regena Regenia Regina Regine
Reginia Rehema Reiko Reina Reita Rella Rema Remedios Remona Rena Renada Renae Renata Renate Renay Renda
Renea Renee Renetta Renita Renna Rennie Ressie Reta Retha Retta Rettie Reva Reyna Reynalda Rhea Rheba Rheta
Rhian Rhianna Rhianne Rhiannon Rhoda Rhona Rhonda Ria Rianna Ricarda Richelle Ridhi Rihanna Rikki Rilla
Rillie Rima Rina Rinda Risa Risper Rita Riva Rivka Riya Robbi Robbyn Robena Roberta Robyn Rochel Rochell
Rochelle Rocio Rodah Roena Roise Roisin Rolanda Rolande Romaine Romana Romelia Romona Rona Ronda Roni Ronna
Ronni Rosa Rosabelle Rosalba Rosalee Rosalia Rosalie Rosalina Rosalind Rosalinda Rosaline Rosalva Rosalyn
Rosamaria Rosamond Rosana Rosann Rosanna Rosanne Rosaria Rosaura Rose Roseann Roseanna Roseanne Roselee
Roselia Roseline Rosella Roselle Roselyn Roselyne Rosemarie Rosemary Rosena Rosenda Rosetta Rosette Rosey
Rosia Rosie Rosina Rosio Rosita Roslyn Rossana Rosy Rowena Roxana Roxane Roxann Roxanna Roxanne Roxie Roxy
Rozanne Rozella Rubi Rubie Ruby Rubye Rufina Ruie Rukia Ruth Rutha Ruthann Ruthanne Ruthe Ruthie Ryann
Ryleigh Rylie Saanvi Sabina Sabine Sable Sabra Sabrina Sacha Sachi Sachiko Sada Sade Sadie Sadye Saida Saige
Salena Salina Salley Sallie Sally Salma Salome Samantha Samara Samatha Samella Samira Samiyah Sana Sanaa
Sanai Sanaya Sanda Sandee Sandi Sandie Sandra Saniya Saniyah Sanjuana Sanjuanita Sannie Sanora Santa Santina
Sanya Saoirse Sara Sarah Sarah-Jane Sarah-Louise Sarahi Sarai Saran Sari Sariah Sarina Sarita Sarrah Sasha
Saskia Saturnina Sau Saumu Saumya Saundra Savana Savanah Savanna Savannah Savilla Scarlet Scarlett Seana
Seanan Seaneen Seanna Season Sebrina See Seema Selah Selena Selene Selina Selma Sena Senaida Senora Seona
September Serafina Serah Serena Serenity Serina Serita Setsuko Sha Shae Shaina Shakia Shakira Shakita Shala
Shalanda Shalon Shalonda Shameka Shamika Shana Shanae Shanda Shandi Shandra Shaneka Shanel Shanell Shanelle
Shanequa Shani Shania Shanice Shaniece Shanika Shaniqua Shanita Shaniya Shanna Shannan Shannen Shanta
Shantae Shantay Shante Shantel Shantell Shantelle Shanti Shaquana Shaquita Shara Sharan Sharda Shardae
Sharday Sharde Sharee Sharell Sharen Shari Sharice Sharie Sharika Sharilyn Sharita Sharla Sharleen Sharlene
Sharmaine Sharman Sharolyn Sharon Sharonda Sharri Sharron Sharyl Sharyn Shasta Shatara Shauna Shaunda
Shauneen Shaunna Shaunta Shaunte Shavon Shavonda Shavonne Shawana Shawanda Shawanna Shawna Shawnda Shawnee
Shawnna Shawnta Shawnte Shayla Shaylee Shayna Sheba Sheena Sheila Sheilah Sheilla Sheillah Shela Shelba
Shelbi Shelbie Shelia Shella Shelley Shelli Shelly Shelva Shelvia Shelvie Shemeka Shemika Shena Shenika
Shenita Shenna Shera Sheree Sherell Sheri Sherice Sherie Sherika Sherill Sherilyn Sherise Sherita Sherlene
Sherley Sherly Sherlyn Sheron Sherree Sherrell Sherri Sherrie Sherril Sherron Sherry Sherryl Shery Sheryl
Sheryll Sheyla Shianne Shiela Shila Shiloh Shin Shira Shirely Shirl Shirlee Shirleen Shirlene Shirley
Shirleyann Shirlie Shirly Shivani Shizue Shizuko Shona Shonda Shondra Shonna Shonta Shoshana Shravya Shreya
Shu Shyann Shyanne Shyla Sian Sibbie Sibyl Siddie Siena Sienna Sierra Signa Signe Sigrid Silva Silvana
Silvia Sima Simona Simone Simonne Sina Sinda Sindy Sinead Siobhan Siofra Sirena Sister Siu Sixta Siya Sky
Skye Skyla Sloane Slyvia Sneha So Socorro Sofia Soila Solange Soledad Somer Sommer Sona Sondra Song Sonia
Sonja Sonji Sonya Soo Sook Soon Sophia Sophie Sophie-Louise Sophronia Sophy Soraya Sorcha Sparkle Spring
Stacee Staci Stacia Stacie Star Starla Starr Stasia Stefani Stefania Stefanie Stefany Steffanie Stella
Stellah Stepanie Stephaine Stephane Stephani Stephania Stephanie Stephany Stephenie Stephine Stephnie Stormy
Su Suanne Sudie Sudiksha Sue Sueann Suellen Suhani Suk Sula Sulema Sumiko Summer Sun Sunday Sunni Sunny
Sunshine Susan Susana Susann Susanna Susannah Susanne Susie Sussie Susy Suzan Suzann Suzanna Suzanne Suzette
Suzi Suzie Suzy Svetlana Sybil Sybilla Syble Sydell Sydnee Sydni Sydnie Sylivia Sylva Sylvania Sylvia Sylvie
Symone Synthia Syreeta Ta Tabatha Tabetha Tabitha Taina Taisha Taja Tajuana Takako Takisha Talia Talisha
Talitha Taliyah Tam Tamala Tamanna Tamar Tamara Tamatha Tambra Tameika Tameka Tamekia Tamela Tamera Tamesha
Tami Tamia Tamica Tamie Tamika Tamiko Tamisha Tammara Tammera Tammi Tammie Tammy Tamra Tamya Tana Tandra
Taneka Tanesha Tangela Tania Tanika Tanisha Taniya Taniyah Tanja Tanmayi Tanna Tanvi Tanya Tara Tarah Taraji
Taren Tari Tarra Tarsha Taryn Tasha Tashia Tashina Tasia Tatia Tatiana Tatianna Tatum Tatyana Tatyanna
Taunya Tawana Tawanda Tawanna Tawna Tawny Tawnya Taya Tayla Tayna Tea Teela Teena Teisha Tella Telma Temeka
Temika Tempie Temple Tena Tenesha Tenika Tenisha Tennessee Tennie Tennille Teodora Teofila Tequila Tera
Tereasa Teresa Terese Teresia Teresiah Teresita Teressa Teri Terica Terina Terisa Terra Terresa Terri Terrie
Terrilyn Tesha Tess Tessa Tessie Texanna Texas Texie Thalia Thao Thea Theda Thekla Thelma Theodocia Theodora
Theodosia Theola Theresa Therese Theresia Theressa Thersa Theta Thi Thomasena Thomasina Thomasine Thora
Thresa Thu Thursa Thuy Thyra Tia Tiana Tianna Tiara Tiarna Tiarra Tiegan Tien Tiera Tierra Tiesha Tifany
Tiffaney Tiffani Tiffanie Tiffany Tiffiny Tijuana Tilda Tilla Tillie Timika Tina Tiney Tinie Tinisha Tinnie
Tiny Tisa Tish Tisha Tishie Tobi Toccara Toi Tomasa Tomeka Tomi Tomika Tomiko Tommye Tomoko Tona Tonda
Tonette Toni Tonia Tonicha Tonie Tonisha Tonita Tonja Tonya Tora Tori Torie Torri Torrie Tosha Toshia
Toshiko Tova Towanda Toya Tracee Traci Tracie Tran Trang Treasa Treasure Treena Trena Tresa Tressa Tressie
Treva Tricia Trilby Trina Trinh Tripti Trish Trisha Trista Triveni Triya Trudi Trudie Trudy Trula Tu Tui
Tula Turvi Tuyet Twana Twanda Twanna Twila Twyla Tyesha Tyisha Tyla Tynisha Tyra Ubika Ucchal Udyati Ula
Ulrike Un Una Unique Unnati Unni Upadhriti Upasna Upma Ura Urishilla Urmi Ursula Urvashi Urvi Usha Ute Vada
Vaishnavi Valarie Valary Valda Valencia Valene Valentina Valeri Valeria Valerie Valery Valinda Vallary
Vallie Valorie Valrie Vamakshi Vanda Vanesa Vanessa Vanetta Vania Vanita Vanna Vannesa Vannessa Vannie
Vansha Vanya Vara Varenya Varsha Vasana Vasatika Vashti Vasiliki Vassie Vasudha Veda Vedhika Vedika Vela
Velda Velia Vella Velma Velva Velvet Vena Venessa Venetta Venice Venie Venita Vennie Venus Veola Vera Verda
Verdell Verdie Verena Vergie Verla Verlene Verlie Verline Verna Vernelle Vernetta Vernia Vernice Vernita
Verona Veronica Veronicah Veronika Veronique Versa Versie Vertie Vessie Vesta Veta Veva Vi Vicenta Vicie
Vickey Vicki Vickie Vicky Victoria Victorina Victorine Victory Vicy Vida Vidhi Viki Vikki Villa Vilma Vina
Vinaya Vincenza Viney Vinie Vinita Vinnie Viola Violet Violeta Violetta Violette Vira Virdie Virgen Virgia
Virgie Virgina Virginia Viridiana Vita Viva Vivan Vivian Viviana Vivien Vivienne Vlasta Voncile Vonda
Vonetta Vonnie Vrinda Vrishti Vritti Vyanjana Wai Waida Waimarie Wakeeta Waltraud Wan Wanda Waneta Wanetta
Wanita Warda Warhi Watika Wava Weddy Wei Wen Wende Wendi Wendie Wendolyn Wendy Wenona Whitley Widisha
Wikitoria Wilda Wilhelmina Wilhelmine Wilhemina Willa Willena Willene Willetta Willette Willia Williemae
Willodean Willow Wilma Windy Winifred Winnie Winnifred Winny Winona Winter Wishi Wonda Wynell Wynona Xalak
Xena Xenia Xiao Ximena Xiomara Xiti Xochitl Xuan Yachana Yadavi Yadira Yaeko Yahaira Yahvi Yajaira Yamilet
Yamilex Yamini Yan Yang Yanira Yareli Yaretzi Yaritza Yashasvi Yashawini Yashica Yashoda Yashodhara Yashvi
Yasmeen Yasmin Yasmine Yasti Yasuko Yauvani Yazmin Yelena Yen Yer Yesenia Yessenia Yetta Yevette Yi Ying
Yochana Yoko Yolanda Yolande Yolando Yolonda Yon Yoselin Yoshie Yoshiko Yoshita Youlanda Yu Yuette Yuk Yuki
Yukiko Yuko Yulanda Yuliana Yulisa Yulissa Yun Yung Yuonne Yuri Yuridia Yuriko Yutika Yvette Yvone Yvonne
Zada Zadie Zaida Zainab Zainabu Zaitra Zana Zandra Zaniyah Zansi Zara Zaria Zariah Zarna Zela Zelda Zelia
Zella Zelma Zelpha Zena Zenaida Zenia Zenobia Zeta Zetta Zettie Zhane Zillah Zilmil Zilpah Zilpha Zina Zinal
Zipporah Zita Zoa Zoe Zoey Zofia Zoie Zoila Zola Zona Zonia Zora Zoraida Zula Zulema Zulma
"""

MALE = """
Aaden Aadi Aarav Aarnav Aaron Aarush Aayush Ab Abb Abbott Abdalla Abdallah Abdi Abdiel Abdihakim Abdul
Abdullah Abe Abednego Abeer Abel Abelardo Abhimanyu Abhiram Abie Abner Abraham Abram Abubakar Ace Acey Acie
Acy Adalberto Adam Adams Adan Add Adelard Adelbert Aden Adin Aditya Adlai Admiral Adolf Adolfo Adolph
Adolphus Adonis Adrain Adriel Adron Advaith Advay Advik Aedan Aftin Agastya Aggrey Agustin Agustus Ah Ahmad
Ahmed Aidan Aiden Aidyn Aime Akeem Akshay Al Alan Alanzo Alastair Albert Alberto Albertus Albin Albion Alby
Alcee Alcide Alden Aldo Alec Aleck Alejandro Alek Alessandro Alex Alexande Alexander Alexandre Alexandro
Alexzander Alf Alferd Alfie Alfonse Alfonso Alfonzo Alford Alfred Alfredo Alger Algernon Algie Algot Alijah
Alistair Alister Allan Allen Almer Almon Almond Almus Alois Alonso Alonza Alonzo Aloys Aloysius Alpheus
Alphonce Alphons Alphonse Alphonso Alphonsus Alston Alto Alton Alvah Alvan Alvaro Alver Alvia Alvie Alvin
Alvis Alvy Alwin Amado Amare Amarion Amasa Ambers Ambrose Americo Amerigo Amil Amin Amir Amit Ammon Amol
Amon Amos Ananias Anaru Anastacio Anatole Anay Ancel Ancil Anders Anderson Andon Andrae Andre Andreas Andres
Andrew Andy Anfernee Angelo Angus Anibal Anirudh Anmol Ansel Ansh Anson Anthoney Anthony Antione Antoin
Antoine Anton Antone Antonio Antony Antwain Antwan Antwon Anwar Aodhan Arba Arbie Arch Archer Archibald
Archie Ari Aric Ariki Arin Arjun Arlan Arland Arlen Arlin Arlington Arlis Arlo Arlyn Arman Armand Armando
Armin Armond Armstead Arnav Arne Arnett Arnie Arno Arnold Arnoldo Arnulfo Aron Arran Arron Arsenio Art
Arther Arthor Arthur Artis Arturo Arvel Arvid Arvil Arvin Arvo Aryan Asa Asberry Asbury Ashby Asher Atharv
Athman Athuman Atlas Atticus Attilio Aubra Audley Audy August Auguste Augustin Augustus Aurelio Aurthur
Austen Austin Austine Auston Austyn Auther Author Authur Autry Avery Avi Avon Axel Ayaan Aydan Ayden Aydin
Ayub Ayush Ayushman Azaan Azad Babe Babyboy Bachittar Bahadurjit Bahati Bailie Bakari Baker Bakhshi Baldwin
Balendra Balhaar Baljiwan Ballard Balvan Balveer Banjeet Banks Baraka Barasa Barnard Barnett Barney Barnie
Baron Barrett Barron Barry Bart Bartholomew Bartley Barton Bascom Basil Baxter Bayard Beau Beauden Beckett
Beckham Bedford Beecher Belton Ben Benard Benedict Benito Benjaman Benjamen Benjamin Benjamine Benji
Benjiman Benjman Benn Bennett Benny Benson Bentley Benton Berkley Berlin Bernard Bernardo Bernhard Bert
Berton Bertram Bertrand Bett Bevan Bilal Bill Billy Birt Bishop Bjorn Blain Blaine Blaise Blake Blanchard
Blane Blas Blaze Bliss Bluford Bo Boaz Bob Bobby Bode Bodhi Bolden Bonface Boniface Booker Boone Boris Bose
Boss Boston Bowman Boyce Boyd Boysie Brad Braden Bradford Bradley Bradly Brady Bradyn Braeden Braedon
Braiden Brain Bramwel Branch Brandan Branden Brandin Brandon Brandt Brandyn Brannon Branson Brant Brantley
Braulio Bravin Braxton Brayan Brayden Braydon Braylen Braylon Breandan Brendan Brenden Brendon Brennan
Brennen Brennon Brent Brenton Bret Brett Brian Brice Bridger Brien Brijesh Brion Britton Brock Broderick
Brodie Brody Bronson Brooks Brown Bruce Bruno Bryan Bryant Bryce Brycen Bryon Bryson Bryton Buck Bud Budd
Buddie Buddy Buel Buell Buford Bunk Burdette Buren Burgess Burk Burke Burl Burleigh Burley Burnell Burnett
Burney Burnie Burns Burr Burrel Burrell Burt Burton Bush Buster Butch Butler Bynum Byron Cade Caden Cael
Caesar Cahal Cahir Caiden Cailum Cain Cal Cale Caleb Calhoun Callan Callum Calum Calvin Calvince Cam Camden
Cameron Camilo Camren Camron Candido Cannon Canyon Caoimhin Caolain Caolan Caomhan Cap Captain Carl Carleton
Carlisle Carlo Carlos Carlton Carlyle Carmelo Carmine Carnell Carsen Carter Cas Case Casen Cash Casimer
Casimir Casimiro Cason Casper Cass Cassius Caswell Cathal Cato Cayden Ceasar Cecil Cedric Cedrick Celestino
Cephus Cesar Ceylon Chace Chad Chadd Chadrick Chadwick Chaim Chaitanya Chakradev Chakradhar Chalmer Chalmers
Champ Champak Chanakya Chance Chancey Chancy Chandran Chandresh Charan Charle Charles Charlie Charls
Charlton Charly Charo Chas Chase Chatresh Chatura Chauncey Chauncy Chaz Che Chege Cheruiyot Chesley Chester
Chet Chip Christ Christion Christop Christoper Christophe Christopher Chuck Cianan Ciaran Cicero Cillian
Clabe Claiborne Clarance Clarence Clark Clarke Clarnce Claud Claude Claudio Claudius Claus Clay Clayton
Clearence Cleave Clell Clemens Clement Clemente Clemon Cleon Cleophas Cletus Cleve Cleveland Clide Cliff
Clifford Clifton Clint Clinton Clive Clovis Cloyd Clyde Coby Codey Cody Coen Cohen Colbert Cole Coleman
Coleton Coley Colie Colin Collie Collier Collin Collince Collins Collis Colm Colon Colonel Colt Colten
Colter Colton Colum Columbus Colvin Commodore Con Conal Conall Conan Conard Conchur Conley Conn Conner
Connor Conor Conrad Constantine Conway Coolidge Cooper Corbett Corbin Cordaro Cordell Cordero Corey Cormac
Cornel Cornelious Cornelius Cornell Corry Cortez Corwin Cory Cosmas Cosmo Coty Council Courtland Coy Craig
Crawford Creed Cristian Cristobal Cristofer Cristopher Crockett Cullen Curley Curt Curtis Curtiss Cyril
Cyrus Dabney Dakoda Dakotah Daksh Dakshesh Dalbir Dale Dallas Dallin Dalmas Dalton Dalvin Damarcus Damari
Damarion Dameon Damian Damien Damion Damon Damond Dan Dancan Dancun Dandre Dane Dangelo Danial Daniel Danilo
Danniel Danny Danson Dante Daquan Darell Daren Darien Darin Dario Darion Darius Darl Darnell Darold Daron
Darpan Darrel Darrell Darren Darrian Darrick Darrien Darrin Darrion Darrius Darron Darry Darryl Darryle
Darryll Darryn Darsh Darvin Darwin Darwyn Daryl Daryle Daryn Dashawn Daud Daudi Daulton Daunte Davante Dave
Davey Davian David Davie Davin Davion Davis Davon Davonta Davonte Davy Dawson Dax Daxton Dayne Dayton Deacon
Deaglan Dean Deandre Deangelo Deante Declan Dedric Dedrick Deegan Deforest Deion Dejon Dejuan Del Delano
Delbert Delmar Delmas Delmer Delmus Delos Delphin Delton Delvin Delwin Demarco Demarcus Demario Demarion
Demetri Demetric Demetrios Demetrius Demian Demond Demonte Dempsey Denis Dennis Denny Denton Denver Denzel
Denzell Denzil Deondre Deonta Deontae Deonte Dequan Derald Dereck Derek Dereon Deric Derick Derik Derl
Dermot Deron Derrek Derrell Derrick Derwin Deryl Desean Deshaun Deshawn Desi Desmond Destin Destry Dev
Devansh Devante Devaughn Deven Devonta Devontae Devonte Deward Dewayne Dewey Dewitt Dexter Dhruv Diallo
Diarmuid Dick Dickie Dickson Diego Dijon Dilan Dillan Dillard Dillion Dillon Dimitri Dimitrios Dink Dino
Dion Dionicio Dionte Dirk Dismas Dixon Doc Dock Doctor Doll Dolph Dolphus Domenic Domenick Domenico Domhnall
Domingo Dominic Dominick Dominik Don Donaciano Donal Donald Donat Donato Donavan Donavon Dondre Donell Donn
Donnell Donny Donovan Donta Dontae Donte Dorman Dorr Dorsey Doss Doug Douglas Douglass Dow Doyle Dozier
Drake Draven Drew Drury Duane Duard Dudley Duff Duke Duncan Durell Durrell Durward Durwood Dustan Dustin
Dustyn Duwayne Dwain Dwaine Dwane Dwayne Dwight Dwyane Dylan Dyllan Dylon Eamon Eamonn Ean Earl Earle Earley
Early Earnest Easton Ebb Ebbie Eben Ebenezer Eber Ebert Ed Edd Eddie Eddy Edgar Edgardo Edison Edmon Edmond
Edmund Edmundo Edsel Edson Eduardo Edw Edward Edwardo Edwin Efrain Efrem Efren Egbert Einar Eino Ekalinga
Ekansh Ekapad Ekaraj Ekavir Ekbal Elam Elbert Elbridge Elby Elden Elder Eldon Eldred Eldridge Elex Elgin Eli
Elian Elias Elick Elie Eliezer Eliga Eligah Elige Elihu Elijah Eliot Eliseo Eliud Elizah Elkana Ell Ellery
Elliot Elliott Ellis Ellison Ellsworth Ellwood Elmer Elmo Elmore Elon Elonzo Eloy Elphas Elroy Elsworth
Elton Elvin Elvis Elwin Elwood Elwyn Ely Elzie Elzy Emanuel Emery Emett Emil Emile Emiliano Emilio Emit
Emmanuel Emmet Emmett Emmit Emmitt Emmons Emory Emry Encarnacion Ennis Enoch Enock Enos Enrico Enrique Enzo
Eoghan Eoin Ephantus Ephraim Ephram Ephriam Epifanio Erasmo Erasmus Erastus Erby Eric Erich Erick Erik
Erland Erle Erling Ernest Ernesto Ernie Ernst Errol Ervin Erving Erwin Esau Esco Esequiel Esker Esley Essex
Esteban Estel Estes Estevan Estill Eston Ethan Ethelbert Ethen Euan Eugene Eugenio Eugine Eunan Eusebio
Eustace Evan Evance Evander Evans Everet Everett Everette Evert Evertt Ewald Ewan Ewart Ewell Ewin Ewing
Ezekiel Ezell Ezequiel Ezra Ezzard Fabian Falan Faqid Faraj Faras Farhan Fariq Faris Faron Farrell Farris
Fate Faustino Fausto Fayette Feargal Fearghal Fed Federico Feisal Felipe Felix Felton Fenton Ferd Ferdinand
Fergal Fergus Ferman Fermin Fernand Fernando Ferrell Ferris Festus Fidel Fidelis Fidencio Fielding Filiberto
Finbar Finis Finn Finnegan Fintan Fionntan Firman Fisher Fitan Fitzgerald Fitzhugh Fiyaz Fleet Flem Fleming
Fletcher Flint Florencio Florentino Florian Floyd Flynn Foch Ford Forrest Foster Fount Foy Frado Francesco
Francisco Franco Frank Franklin Frankline Franklyn Franz Fraser Frazer Frazier Fred Freddy Frederic
Frederick Fredie Fredric Fredrick Fredy Freeman Fremont French Friend Fritz Fuller Fulton Furman Gabe
Gabriel Gael Gaetano Gagan Gage Gaige Gaines Gaither Galen Gannon Gardner Gareth Garett Garey Garfield
Garland Garner Garold Garret Garrett Garrick Garrison Garry Garth Garvin Gary Gasper Gaston Gathoni Gauge
Gaurang Gaurav Gautam Gaven Gavin Gavyn Gaylen Gaylon Gaylord Gearld Geary Gedion Gee Genaro Gene General
Gennaro Geno Geo Geoff Geoffrey Geofrey George Geovanni Gerald Geraldo Gerard Gerardo Gerhard Gerhardt
German Gerold Gerrit Giancarlo Gianni Gibson Gideon Gifford Gil Gilbert Gilberto Giles Gilford Gilman Gilmer
Gilmore Gino Giovani Giovanni Giovanny Girik Girindra Girish Gitau Githinji Gitonga Giuseppe Gladstone Glen
Glendon Glenn Glenwood Glover Glynn Godfrey Godwin Goebel Gonzalo Gopal Gorden Gordon Gorge Gottlieb
Governor Grady Graeme Grafton Graham Graig Grant Granville Graves Gray Graydon Grayling Grayson Green Greene
Greg Gregg Greggory Gregorio Gregory Greyson Griffin Griffith Grove Grover Guido Guilford Guillermo Gunbir
Guneet Gunnar Gunner Gurney Gus Guss Gust Gustaf Gustav Gustave Gustavo Gustavus Guthrie Guy Haden Hai
Haiden Hakeem Hakim Hal Halbert Hale Hall Halsey Ham Hamilton Hamish Hamisi Hamp Hampton Hamza Handy Hank
Hans Hansel Hansford Hanson Harden Hardie Hardik Hardin Harding Hardy Harish Harl Harlan Harland Harlen
Harley Harlie Harlon Harm Harman Harmon Harold Haron Harrell Harrie Harris Harrison Harrold Harry Harsh
Harshil Hart Hartley Hartwell Harun Harve Harvey Harvie Harvy Hasan Haskell Hassan Hayes Hays Hayward
Haywood Hazen Heath Heber Hebert Hector Helmer Hemang Hemi Hence Henderson Henery Henri Henry Herb Herbert
Heriberto Herman Hermann Hermon Hernan Herschel Hershel Hershell Hervey Hesbon Heyward Hezekiah Hezron
Hezzie Hideo Hilario Hilbert Hill Hillard Hillery Hilliard Hilmer Hilton Hipolito Hiram Hiroshi Hitesh
Hjalmar Hjalmer Hoani Hobart Hobert Hobson Hoke Holden Holland Holmes Homer Hoover Horace Horacio Horatio
Horton Hosea Hosie Hosteen Houston Howard Howell Hoy Hoyt Hredhaan Hritik Hubbard Hubert Hudson Huey Hugh
Hughes Hughey Hughie Hugo Humberto Humphrey Hung Hunt Hurbert Hurley Hussein Huston Huy Hyman Hymen Hyrum
Iain Ian Ibrahim Idris Ignacio Ignatius Ignatz Ihaia Ikbal Ike Illya Imanol Imaran Immanuel Indrajit Ingram
Innocent Irl Irungu Irven Irvin Irvine Irving Irwin Isaac Isaack Isaak Isack Isadore Isai Isaiah Isaias Isam
Ishaan Isham Ishmael Ishwar Isiah Isidor Isidore Isidro Ismael Ismail Isom Israel Isreal Issa Issac Issack
Ivan Iver Iverson Ivor Izaiah Izayah Jabari Jabbar Jabez Jace Jacinto Jack Jackson Jacky Jacob Jacoby
Jacques Jacquez Jadiel Jadon Jaeden Jagat Jagdish Jagger Jaheem Jaheim Jahiem Jahir Jai Jair Jairaj Jairo
Jairus Jajuan Jake Jakob Jakobe Jaleel Jalen Jalon Jamaal Jamal Jamar Jamarcus Jamari Jamarion Jameel Jamel
James Jameson Jamil Jamin Jamir Jamison Japhet Japheth Jaquan Jaquez Jarad Jared Jaren Jaret Jarett Jarlath
Jarod Jaron Jarrad Jarred Jarrell Jarret Jarrett Jarrod Jarvis Jase Jasen Jasiah Jason Jasper Jatin Javan
Javen Javier Javion Javon Javonte Jax Jaxen Jaxon Jaxson Jaxton Jay Jayce Jaycob Jaydan Jaydin Jaydon Jaylan
Jaylon Jaymes Jayson Jayvion Jayvon Jc Jeb Jed Jedediah Jedidiah Jeet Jeff Jefferey Jefferson Jeffery
Jeffrey Jeffry Jelani Jemal Jennings Jens Jep Jeptha Jerad Jerald Jeramiah Jeramie Jeramy Jere Jered Jerel
Jereme Jeremey Jeremiah Jeremie Jeremy Jerimiah Jerimy Jermain Jermaine Jermey Jerod Jerold Jerome Jeromy
Jerrad Jerrel Jerrell Jerrod Jerrold Jerry Jess Jesse Jessee Jessy Jesus Jethro Jett Jevon Jiles Jim Jimmy
Joaquin Joash Job Jobe Joe Joel Joeseph Joesph Joey Johan Johathan John Johnathan Johnathon Johney Johnny
Johnpaul Johnson Johnstone Johny Jon Jonah Jonas Jonatan Jonathan Jonathon Jones Joram Jorden Jordi Jordon
Jordy Jorge Jory Jose Josef Joseluis Joseph Josephat Josephus Josh Joshua Joshuah Josiah Jospeh Josphat
Josue Jovani Jovanni Jovanny Jovany Juan Judah Judd Judge Judson Juelz Jules Julian Julien Julio Julious
Julius Juluis Juma Junior Junious Junius Justen Justin Juston Justus Justyn Juwan Kabir Kade Kadeem Kaden
Kadin Kadyn Kaeden Kael Kahlil Kahu Kaiden Kale Kaleb Kalel Kalen Kalpit Kalvin Kamau Kamden Kamren Kamron
Kane Kanini Kanye Karani Karanja Kareem Karim Karimi Kariuki Karl Karson Karter Kasen Kash Kason Kassim
Katana Kauri Kavon Kayson Kazuo Keagan Kealan Keandre Keanu Keaton Keegan Keelan Keenan Keenen Kegan Keifer
Keion Keith Kelan Kelby Kellan Kellen Kelton Kelvin Kem Kemboi Ken Kenan Kendell Kendrick Kenedy Keneth
Kenji Kennard Kenneth Kenney Kennith Kennth Kenny Kent Kenton Kenyon Keon Kermit Kerwin Keshaun Keshawn
Kevan Keven Kevin Kevon Keyon Keyshawn Khalid Khalil Khari Khiry Kiaan Kian Kiarie Kibet Kiefer Kiel Kieran
Kieth Killian Kilonzo Kimani Kimanzi Kimathi Kimball Kimeu Kimutai King Kingston Kinte Kinuthia Kinyanjui
Kinyua Kioko Kip Kipchirchir Kipchumba Kipkemboi Kipkemoi Kipkirui Kipkoech Kipkorir Kipkosgei Kipkurui
Kiplagat Kiplangat Kiplimo Kipngeno Kipngetich Kipp Kiprono Kiprop Kiprotich Kipruto Kipsang Kiptoo Kipyegon
Kirk Kirt Kirui Kiyoshi Knox Knute Kobe Koby Koda Kody Koech Koen Kolby Kole Kolten Kolton Konner Konnor
Korbin Kordell Korey Korir Kory Kosgei Kraig Krish Kristofer Kristoffer Kristopher Kunta Kuria Kurt Kurtis
Kwame Kyalo Kyan Kylan Kyle Kyler Kymani Kyree Kyson Laban Lachlan Ladarius Laddie Lafayette Lafe Laksh
Lakshit Lamar Lamarcus Lambert Lameck Lamont Lamonte Lance Landan Landen Landin Landon Landyn Langat Lanny
Laquan Lark Larkin Laron Larry Lars Lary Latrell Laurance Laurence Lavar Lawerence Lawrance Lawrence Lawson
Lawton Lawyer Layton Lazaro Leamon Leander Leandro Leeroy Leif Leland Lem Lemmie Lemon Lemuel Len Lenard
Lennon Lenny Lenon Lenord Lenwood Leo Leon Leonard Leonardo Leonce Leonel Leonidas Leopold Leopoldo Leroy
Les Less Lester Levar Levern Levi Levie Levin Levis Levon Levy Lew Lewis Lex Liam Liban Lige Lilburn Lillard
Lim Lincoln Lindbergh Lindell Linden Link Lino Linton Linus Linwood Linzy Lionel Lisandro Lish Lisle Liston
Little Littleton Livingstone Llewellyn Lloyd Logan Lohit Lon Lone Loney Long Lonnie Lonny Lonzo Loran Lorcan
Lorenz Lorenzo Lorin Loring Lorne Lott Louis Lovell Lovett Lowell Loy Loyal Loyd Luc Luca Lucas Lucian
Luciano Lucien Lucio Lucious Lucius Lucky Ludwig Luigi Luis Luka Lukas Luke Lum Luster Lute Luther Lydell
Lyle Lyman Lyndon Lynwood Maanas Maanav Mac Macarthur Macauley Mace Maceo Macharia Mack Madden Maddox Maddux
Madhav Mahlon Maina Maingi Mairtin Major Makai Makau Makhi Makokha Makori Mal Malachi Malachy Malakai Malaki
Malcolm Malcom Male Malik Malvin Manaaki Manan Manawa Manbir Manford Manley Manly Manning Mansfield Manson
Manthan Manual Manuel Manus Marc Marcel Marcelino Marcello Marcellus Marcelo Marchello Marco Marcos Marcus
Margarito Mariano Mario Marius Mark Markel Markell Markus Marland Marlin Marlon Marques Marquez Marquis
Marquise Marrion Marsh Marshal Marshall Mart Martell Martez Martin Martyn Marvin Masao Masika Masinde Mason
Mat Mateo Math Mathew Mathews Mathias Matias Matiu Matt Matteo Matthew Matthias Maurice Mauricio Mauro Maury
Maverick Max Maxim Maximilian Maximiliano Maximillian Maximo Maximus Maxwel Maxwell Maxx Maynard Mayo Mbithi
Mboya Mbugua Mburu Mcarthur Mearl Mekhi Mel Melbourne Melton Melville Melvin Melvyn Memphis Menachem Mercer
Merl Merlin Merritt Merton Mervin Mervyn Merwin Meshack Messiah Metro Meyer Michael Michale Micheal Michial
Micky Miguel Miguelangel Mikaere Mikal Mike Mikeal Mikel Mikhail Milas Milburn Miles Milford Millard Miller
Mills Milo Milton Miner Minor Minoru Miquel Misael Mitch Mitchel Mitchell Mitesh Modesto Moe Mohamed
Mohammad Mohammed Mohamud Moises Momanyi Monroe Mont Monte Montel Montgomery Montrell Monty Moody Mordechai
Morris Mortimer Morton Mose Moses Moshe Muchiri Muema Mueni Mugambi Mugendi Mugo Muhammad Muia Muiruri
Mukhwana Muli Mulwa Mumbi Mumo Munene Mungai Munyao Munyoki Murdock Muriithi Murimi Murithi Muriuki Murphy
Murray Murry Musa Musau Musee Musembi Mustafa Musyoka Musyoki Mutai Muthama Muthengi Muthoka Muthoni Muthui
Mutie Mutinda Mutiso Mutisya Mutua Mutuku Mutunga Muturi Mwangangi Mwangi Mwaniki Mwanzia Mwaura Mwende
Mwendwa Mwikali Mwiti Mychal Myer Mykel Myles Myron Nachiket Nahashon Najee Naksh Nakul Namon Napoleon Nash
Nasir Nat Nate Nathan Nathanael Nathanial Nathaniel Nathen Naveen Ndegwa Nderitu Ndirangu Nduku Ndung'u
Ndunge Ndungu Nduta Neal Ned Needham Neel Nehemiah Neil Nello Nels Nelson Nestor Neville Nevin Newell Newman
Newt Newton Ng'ang'a Nganga Ngari Ngigi Ngugi Niall Nicholas Nicholaus Nicholus Nick Nicklaus Nickolas
Nickson Nico Nicodemus Nicolas Nigel Nihal Nikau Nikhil Nikko Niko Nikolai Nikolas Nikora Nile Niles Nils
Nim Nitesh Nixon Njagi Njenga Njeri Njeru Njiru Njogu Njoki Njoroge Njue Njuguna Noah Noble Noe Nolan Nolen
Noor Norbert Norberto Norman Normand Norris North Norton Norval Norwood Nunzio Nuru Nyaga Nyakundi Nyamai
Nyambura Nyawira Nyongesa Nzioka Nzomo Oakley Obe Obed Obie Ochieng Octave Octavio Octavius Oddie Odhiambo
Odhran Odin Odis Odongo Oduor Odus Offie Ogden Oisin Ojas Okello Okey Okoth Okumu Olaf Olan Oland Ole Olen
Oley Olin Oliver Olof Oloo Oluoch Om Omar Omari Omarion Omer Omkaar Omondi Ondieki Oneal Onesmus Onkar
Onveer Onyango Opiyo Oran Orange Oren Orie Orin Orinder Orion Oris Orland Orlando Orley Orlin Orlo Orren
Orrin Orris Orson Orval Orvel Orvil Orville Orvin Orvis Osbaldo Osborn Osborne Oscar Osman Osvaldo Oswald
Oswaldo Othel Otho Otieno Otis Ott Ottis Otto Ouma Ovid Ovila Owen Owens Owino Owuor Ozzie Pablo Padraic
Padraig Palmer Park Parley Parrish Parth Pascal Pasquale Pate Patric Patrick Paul Paulo Pauric Paxton Peadar
Pearce Pearley Pearse Pedro Percival Percy Perley Pernell Perry Pershing Pete Peter Peterson Phelix Phil
Philemon Philip Phillip Philo Phineas Piaras Pierce Pierre Pinkney Pius Pleas Pleasant Ples Plummer Polk
Porfirio Porter Posey Powell Pranav Praneel Pranit Pratt Pratyush Prentice Prentiss Press Preston Price
Primus Prince Prosper Pryor Purl Qabil Qadim Qarin Qasim Quentin Quincy Quint Quinten Quintin Quinton Rachit
Raekwon Rafael Rafe Raghav Raheem Rahn Rahsaan Rahul Raiden Rajab Rakeem Raleigh Ralph Rama Ramadhan Ramiro
Ramon Ramsey Ranbir Rance Rand Randal Randall Randel Randell Randle Randolf Randolph Randy Ransom Ranveer
Raoul Raphael Raquan Ras Rashaad Rashaan Rashad Rashawn Rasheed Rashid Raul Rawiri Ray Rayaan Rayan Rayburn
Rayfield Rayford Raymon Raymond Raymundo Raynard Rayshawn Reason Red Redden Redmond Reed Reggie Reginal
Reginald Regis Rehaan Reid Reinaldo Reinhold Reino Remington Remy Renaldo Renard Renato Reno Reuben Reubin
Rex Rexford Rey Reyansh Reyes Reynaldo Reynold Reynolds Rhett Rhys Rian Ricardo Ricci Rice Rich Richard
Richie Richmond Rick Rickey Rickie Ricky Rico Ridge Rigoberto Riley Rishi Ritchie Riziki Rob Robb Robby
Robert Roberto Robinson Robley Robt Roby Rocco Rock Rocky Rod Roddy Roderic Roderick Rodger Rodgers Rodney
Rodolfo Rodrick Rodrigo Roe Roel Rogelio Roger Rogers Rohan Roland Rolando Rolf Roll Rolla Rolland Rollie
Rollin Rollo Roman Rome Romello Romeo Romie Ron Ronal Ronald Ronaldo Ronan Rondal Ronin Ronith Ronnie Ronny
Rono Roosevelt Rory Rosco Roscoe Rosendo Rosevelt Ross Roswell Rotich Rowland Roy Royal Royce Ruairi Ruari
Rube Ruben Rubin Rudolf Rudolfo Rudolph Rudra Rudy Rueben Ruel Ruffin Ruffus Rufus Rupert Rush Rushil Russ
Russel Russell Rustin Rusty Rutherford Ryan Ryder Ryker Ryland Ryley Ryne Sabastian Said Saidi Saint Saksham
Sal Salim Salomon Salvador Salvatore Sam Samaksh Samar Samarth Samesh Samie Samir Sammy Sampson Samson
Samual Samuel Samwel Sanders Sanford Santiago Santino Santo Sarthak Sathvik Saul Saverio Savion Savon Sawyer
Schley Schuyler Scot Scott Scotty Seaborn Seamus Sean Sean-Paul Sebastian Sedrick Seldon Selmer Semaj Seneca
Sergio Seth Severo Severt Seward Seymour Shaban Shad Shade Shadrack Shafter Shamar Shane Shaquan Shaquille
Sharif Shaun Shaurya Shedrick Sheldon Shelton Shem Shemar Shep Shepherd Sherman Sherwin Sherwood Shivansh
Shoji Shon Shyheim Sid Siddharth Sidney Sie Sifuna Sigmund Sigurd Sila Silas Silver Silvester Silvio Sim
Simeon Simion Simiyu Simmie Simon Simpson Sincere Sing Sione Skip Slade Smith Soloman Solomon Solon Sonny
Soren Spencer Spenser Spurgeon Squire Stafford Stan Stanford Stanislaus Stanley Stanton Starling Stefan
Stephan Stephen Stephene Stephon Sterling Stetson Stevan Steve Steven Steward Stewart Stone Stonewall Stoney
Storm Stuart Suleiman Sullivan Sumner Swaleh Syed Sylas Sylvan Sylvanus Sylvester Tab Tad Taft Tahj Taine
Taj Tal Talan Talen Tallie Talmadge Talmage Talon Tamati Tanay Tane Tangaroa Tanish Tanner Tanveer Tarak
Tarik Tariq Tate Tatsuo Taurean Taurus Tavares Tavaris Tavian Tavion Tavon Tayshaun Ted Teddie Teddy Teerth
Tejas Telly Teodoro Terance Terell Terence Terrance Terrell Terrence Terrill Tevin Tex Thad Thaddeus
Theadore Thedore Theodis Theodore Theophile Therman Theron Thomas Thompson Thor Thornton Thorwald Thos Thuo
Thurlow Thurman Thurston Tiarnan Tiernan Tilden Tillman Tilman Tim Timmie Timmothy Timmy Timothy Tito Titus
Tobe Tobias Tobin Tod Todd Toivo Tolbert Tollie Tom Toma Tomas Tomie Tommy Toney Tonny Tony Torey Toriano
Torrance Torrence Torrey Torry Toshio Toy Trace Trae Travis Travon Trayvon Tre Tremaine Tremayne Trent
Trenten Trenton Trever Trevin Trevion Trevon Trevor Trey Treyton Treyvon Tripp Tristian Tristin Triston Troy
True Trumaine Truman Trystan Tsuma Tuan Tucker Turner Ty Tye Tyler Tylor Tyquan Tyree Tyreek Tyreese Tyrek
Tyreke Tyrel Tyrell Tyrese Tyrik Tyrin Tyriq Tyrique Tyron Tyrone Tyrus Tyshawn Tyson Udant Udarsh Ulises
Ulysses Umang Unnamed Upkaar Urban Uriah Uriel Urijah Utkarsh Valentin Valentino Vance Vander Vashon Vaughan
Vaughn Vedant Veer Vere Vergil Verl Verle Verlin Verlon Verlyn Vern Vernal Verner Vernon Vester Vic Vicente
Vick Victor Victoriano Vidal Vihaan Vince Vincent Vincenzo Vinson Vinton Viraj Virge Virgel Virgil Virgilio
Virgle Vitalis Vito Vivaan Vollie Volney Von Wachira Wade Wafula Wahab Wainaina Waino Wairimu Waldemar Waldo
Walker Wallace Wally Walt Walter Walton Wamalwa Wambua Wambugu Wambui Wangari Wangila Wangui Wanja Wanjala
Wanjiku Wanjiru Wanjohi Wanyama Wanyonyi Ward Wardell Warinder Warjas Warner Warren Warwick Wash Washington
Watson Watt Waverly Waweru Wayde Wayland Waylon Wayman Waymon Wayne Wazir Weaver Webb Webster Wekesa Weldon
Wellington Wells Welton Wendel Wendell Wenzel Werner Wes Wesley Wesonga Wess West Westin Westley Weston
Wheeler Whit Wilber Wilbert Wilbur Wilburn Wiley Wilford Wilfred Wilfredo Wilfrid Wilhelm Wiliam Wilkie Will
Willaim Willam Willard William Williams Willian Williard Willis Willy Wilmer Wilson Wilton Windell Winfield
Winford Wing Winston Winthrop Winton Wiremu Wirt Wm Wong Wood Woodie Woodroe Woodrow Woodson Woody Worley
Worth Wriddhish Wridesh Wright Wyatt Wycliff Wycliffe Wylie Wyman Xander Xavier Xzavier Yaakov Yadiel
Yagnesh Yahir Yahya Yair Yancy Yandel Yash Yatan Yatin Yehuda Yoel York Yosef Yoshio Yug Yunis Yurem Yussuf
Yusuf Yuvraj Zablon Zac Zach Zacharia Zachariah Zachary Zachery Zack Zackary Zackery Zaid Zaiden Zain Zaire
Zak Zakaria Zakary Zakayo Zander Zane Zashil Zavier Zavion Zayan Zayden Zayne Zayyan Zeb Zebulon Zechariah
Zed Zehaan Zeke Zenas Zeno Zigmund Zollie
"""

UNISEX = """
Adrian Adrien Alexis Ali Allyn Alva Amani Amari Andra Angel Antonia Ardell Arden Ariel Arley Arlie Armani
Artie Ashton Atha Aubrey Audie Augustine Bailey Barrie Bell Bennie Bernie Berry Bertie Beryl Bethel Billie
Bird Blair Bobbie Britt Brogan Brook Brooklyn Burnice Byrd Campbell Camryn Carey Carlie Carmel Carrol
Carroll Carson Cary Casey Cassidy Chandler Chang Channing Charley Cheyenne Chi Chin Chong Chris Christian
Chung Clair Claudie Clem Clemence Clemmie Cleo Codi Codie Colby Cortney Courtney Cris Cruz Daire Dakota Dana
Dann Dannie Dara Darby Darian Darragh Deane Dee Dell Delma Dennie Deon Dessie Devan Devin Devon Devyn
Diamond Dominique Dong Donnie Dorian Dorris Dusty Earlie Eden Edie Elgie Elisha Elly Elza Emerson Enda Erie
Finley Floy Forest Francis Frankie Freddie Gale Garnet Garnett Genie Georgie Germaine Gerry Golden Guadalupe
Gussie Hadley Halley Hallie Harlow Harper Haven Hayden Hollie Hollis Hong Hunter Infant Ira Ivey Ivory
Jackie Jade Jaden Jadyn Jae Jaiden Jaidyn Jaime Jaimie Jame Jamey Jamie Jammie Jan Jayden Jaylen Jaylin
Jayme Jean Jeffie Jensen Jessie Jettie Jewel Jewell Jimmie Jody Johnie Johnnie Jonnie Jordan Jordyn Jovan
Jude Jule Justice Kahurangi Kai Kamari Kameron Kamryn Karan Kareen Kasey Kayden Kelley Kelly Kendal Kendall
Kennedy Kenyatta Kerry Kiara Kiley Kim Kirby Kit Kris Krishna Kristian Lacy Lane Lannie Larue Lashawn Lavern
Laverne Lavon Layne Le Lee Leigh Leighton Lennie Lesley Leslie Lexie Lindsey Lindy Linn Linnie London Lonie
Loren Lorenza Lou Louie Love Lovie Lue Lupe Luverne Lyn Lynn Lyric Mackenzie Madison Man Manaia Mannie
Marcell Marion Marley Marlo Marlyn Marty Maxie Mckinley Mell Merle Merlyn Merrill Micah Michal Michel Mickey
Milan Minh Montana Montie Morgan Murl Myrl Nakia Naoise Neely Nery Nicky Noel Numbers Ocie Oda Odell Odie
Olie Ollie Oral Orla Orrie Osie Ossie Otha Ottie Ova Ozell Ozie Page Paris Parker Pat Payton Peyton Phoenix
Presley Quinn Raven Reagan Reece Reese Refugio Regan Reilly Rene Ricki River Robbie Robbin Robin Roma
Rosario Rossie Rowan Rylan Rylee Sage Sai Sammie Sandy Sang Santana Santos Scottie Shan Shannon Shanon Shawn
Shay Shayne Shea Shelby Shellie Sheridan Sherrill Skylar Skyler Sol Son Stacey Stacy Stevie Sung Sydney Tai
Tama Tandy Tayler Taylor Teagan Tegan Terry Thanh Theo Tiare Tobie Toby Tommie Tory Tracey Tracy Trinidad
Trinity Tristan Tristen Unknown Val Valentine Van Verne Vernell Vernie Whitney Willie Winfred Yael Yee Yong
Young Zion
"""
