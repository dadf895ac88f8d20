-- ---------------------------------------------------------------------------------------------
-- Raw MSDS v2 tables, one per MSDS table id, holding the validated rows of every loaded submission.
-- Columns carry the provider-layout item names (national-layout names arrive through the alias
-- registry ingest/msds-items.csv, which MsdsRegistryTest keeps in step with this file).
-- Every row keeps its submission, its source line and the items found invalid at ingestion.
-- NHS numbers hold a keyed hash (HMAC-SHA256, hex), never the number.
-- ---------------------------------------------------------------------------------------------

-- MSD001 Mother Demographics
CREATE TABLE IF NOT EXISTS msd001 (
  submission_id BIGINT NOT NULL,    -- submission(submission_id)
  line INTEGER NOT NULL,            -- line in the source file (header = line 1)
  invalid_items VARCHAR[] NOT NULL, -- items whose value failed its MSDS format (kept for data quality)
  LPIDMother VARCHAR,
  OrgIDLPID VARCHAR,
  PersonBirthDateMother DATE,
  OrgIDResidenceResp VARCHAR,
  NHSNumberMother VARCHAR,
  NHSNumberStatusMother VARCHAR,
  Postcode VARCHAR,
  EthnicCategoryMother VARCHAR,
  PersonDeathDateMother DATE,
  PersonDeathTimeMother TIME,
  PostcodeDistrictMother VARCHAR,
  LSOAMother2011 VARCHAR,
  LAD_UAMother VARCHAR
);

-- MSD002 GP Practice Registration
CREATE TABLE IF NOT EXISTS msd002 (
  submission_id BIGINT NOT NULL,    -- submission(submission_id)
  line INTEGER NOT NULL,            -- line in the source file (header = line 1)
  invalid_items VARCHAR[] NOT NULL, -- items whose value failed its MSDS format (kept for data quality)
  LPIDMother VARCHAR,
  OrgCodeGMPMother VARCHAR,
  StartDateGMPReg DATE,
  EndDateGMPReg DATE,
  OrgIDGPPrac VARCHAR
);

-- MSD101 Pregnancy and Booking Details
CREATE TABLE IF NOT EXISTS msd101 (
  submission_id BIGINT NOT NULL,    -- submission(submission_id)
  line INTEGER NOT NULL,            -- line in the source file (header = line 1)
  invalid_items VARCHAR[] NOT NULL, -- items whose value failed its MSDS format (kept for data quality)
  PregnancyID VARCHAR,
  LPIDMother VARCHAR,
  OrgIDComm VARCHAR,
  AntenatalAppDate DATE,
  PregFirstConDate DATE,
  EDDAgreed DATE,
  DisabilityIndMother VARCHAR,
  OrgSiteIDBooking VARCHAR,
  EDDMethodAgreed VARCHAR,
  SourceRefMat VARCHAR,
  OrgIDProvOrigin VARCHAR,
  OrgIDRecv VARCHAR,
  ReasonLateBooking VARCHAR,
  PregFirstContactCareProfType VARCHAR,
  LastMenstrualPeriodDate DATE,
  LangCode VARCHAR,
  MHPredictionDetectionIndMother VARCHAR,
  ComplexSocialFactorsInd VARCHAR,
  EmploymentStatusMother VARCHAR,
  SupportStatusIndMother VARCHAR,
  EmploymentStatusPartner VARCHAR,
  PreviousCaesareanSections INTEGER,
  PreviousLiveBirths INTEGER,
  PreviousStillBirths INTEGER,
  PreviousLossesLessThan24Weeks INTEGER,
  FolicAcidSupplement VARCHAR,
  DischargeDateMatService DATE,
  DischReason VARCHAR,
  GestAgeBooking INTEGER,
  AgeAtBookingMother INTEGER
);

-- MSD102 Maternity Care Plan
CREATE TABLE IF NOT EXISTS msd102 (
  submission_id BIGINT NOT NULL,    -- submission(submission_id)
  line INTEGER NOT NULL,            -- line in the source file (header = line 1)
  invalid_items VARCHAR[] NOT NULL, -- items whose value failed its MSDS format (kept for data quality)
  PregnancyID VARCHAR,
  LPIDMother VARCHAR,
  CarePlanDate DATE,
  CarePlanType VARCHAR,
  MatPersCarePlanInd VARCHAR,
  ContCarePathInd VARCHAR,
  CareProfLID VARCHAR,
  TeamLocalID VARCHAR,
  OrgSiteIDPlannedDelivery VARCHAR,
  PlannedDeliverySetting VARCHAR,
  ReasonChangeDelSettingAnt VARCHAR
);

-- MSD201 Care Contact (Pregnancy)
CREATE TABLE IF NOT EXISTS msd201 (
  submission_id BIGINT NOT NULL,    -- submission(submission_id)
  line INTEGER NOT NULL,            -- line in the source file (header = line 1)
  invalid_items VARCHAR[] NOT NULL, -- items whose value failed its MSDS format (kept for data quality)
  CareConID VARCHAR,
  PregnancyID VARCHAR,
  LPIDMother VARCHAR,
  CContactDate DATE,
  CContactTime TIME,
  OrgIDComm VARCHAR,
  AdminCatCode VARCHAR,
  ContactDuration INTEGER,
  ConsultType VARCHAR,
  CCSubject VARCHAR,
  Medium VARCHAR,
  LocCode VARCHAR,
  OrgSiteIDOfTreat VARCHAR,
  GPTherapyInd VARCHAR,
  AttendCode VARCHAR,
  CancelDate DATE,
  CancelReason VARCHAR,
  ReplApptOffDate DATE,
  ReplApptDate DATE
);

-- MSD202 Care Activity (Pregnancy)
CREATE TABLE IF NOT EXISTS msd202 (
  submission_id BIGINT NOT NULL,    -- submission(submission_id)
  line INTEGER NOT NULL,            -- line in the source file (header = line 1)
  invalid_items VARCHAR[] NOT NULL, -- items whose value failed its MSDS format (kept for data quality)
  CareActIDMother VARCHAR,
  CareConID VARCHAR,
  LPIDMother VARCHAR,
  TeamLocalID VARCHAR,
  CareProfLID VARCHAR,
  ActivityDuration INTEGER,
  LocalFetalID VARCHAR,
  FetalOrder VARCHAR,
  ProcedureScheme VARCHAR,
  ProcedureCode VARCHAR,
  FindingScheme VARCHAR,
  FindingCode VARCHAR,
  ObsScheme VARCHAR,
  ObsCode VARCHAR,
  ObsValue VARCHAR,
  UCUMUnit VARCHAR
);

-- MSD301 Labour and Delivery
CREATE TABLE IF NOT EXISTS msd301 (
  submission_id BIGINT NOT NULL,    -- submission(submission_id)
  line INTEGER NOT NULL,            -- line in the source file (header = line 1)
  invalid_items VARCHAR[] NOT NULL, -- items whose value failed its MSDS format (kept for data quality)
  LabourDeliveryID VARCHAR,
  PregnancyID VARCHAR,
  LPIDMother VARCHAR,
  OrgSiteIDIntra VARCHAR,
  SettingIntraCare VARCHAR,
  ReasonChangeDelSettingLab VARCHAR,
  LabourOnsetMethod VARCHAR,
  LabourOnsetDate DATE,
  LabourOnsetTime TIME,
  CaesareanDate DATE,
  CaesareanTime TIME,
  StartDateMotherDeliveryHospProvSpell DATE,
  StartTimeMotherDeliveryHospProvSpell TIME,
  DecisionToDeliverDate DATE,
  DecisionToDeliverTime TIME,
  AdmMethCodeMothDelHospProvSpell VARCHAR,
  DischargeDateMotherHosp DATE,
  DischargeTimeMotherHosp TIME,
  DischMethCodeMothPostDelHospProvSpell VARCHAR,
  DischDestCodeMothPostDelHospProvSpell VARCHAR,
  OrgIDPostnatalPathLeadProvider VARCHAR,
  BirthsPerLabandDel INTEGER
);

-- MSD302 Care Activity (Labour and Delivery)
CREATE TABLE IF NOT EXISTS msd302 (
  submission_id BIGINT NOT NULL,    -- submission(submission_id)
  line INTEGER NOT NULL,            -- line in the source file (header = line 1)
  invalid_items VARCHAR[] NOT NULL, -- items whose value failed its MSDS format (kept for data quality)
  LabourDeliveryID VARCHAR,
  ClinInterDateMother DATE,
  LPIDMother VARCHAR,
  ClinInterTimeMother TIME,
  ActivityDuration INTEGER,
  CareProfLID VARCHAR,
  TeamLocalID VARCHAR,
  LocalFetalID VARCHAR,
  FetalOrder VARCHAR,
  MatCritInd VARCHAR,
  ProcedureScheme VARCHAR,
  ProcedureCode VARCHAR,
  FindingScheme VARCHAR,
  FindingCode VARCHAR,
  ObsScheme VARCHAR,
  ObsCode VARCHAR,
  ObsValue VARCHAR,
  UCUMUnit VARCHAR,
  GenitalTractTraumaticLesion VARCHAR
);

-- MSD401 Baby Demographics and Birth Details
CREATE TABLE IF NOT EXISTS msd401 (
  submission_id BIGINT NOT NULL,    -- submission(submission_id)
  line INTEGER NOT NULL,            -- line in the source file (header = line 1)
  invalid_items VARCHAR[] NOT NULL, -- items whose value failed its MSDS format (kept for data quality)
  LPIDBaby VARCHAR,
  LabourDeliveryID VARCHAR,
  LPIDMother VARCHAR,
  OrgIDLocalPatientIdBaby VARCHAR,
  PersonBirthDateBaby DATE,
  PersonBirthTimeBaby TIME,
  PregOutcome VARCHAR,
  PersonPhenSex VARCHAR,
  EthnicCategoryBaby VARCHAR,
  NHSNumberBaby VARCHAR,
  NHSNumberStatusBaby VARCHAR,
  LocalFetalID VARCHAR,
  BirthOrderMaternitySUS VARCHAR,
  PersonDeathDateBaby DATE,
  PersonDeathTimeBaby TIME,
  FetusPresentation VARCHAR,
  GestationLengthBirth INTEGER,
  DeliveryMethodCode VARCHAR,
  WaterDeliveryInd VARCHAR,
  OrgSiteIDActualDelivery VARCHAR,
  CareProfLIDDel VARCHAR,
  SettingPlaceBirth VARCHAR,
  BabyFirstFeedDate DATE,
  BabyFirstFeedTime TIME,
  BabyFirstFeedIndCode VARCHAR,
  SkinToSkinContact1HourInd VARCHAR,
  DischargeDateBabyHosp DATE,
  DischargeTimeBabyHosp TIME
);

-- MSD405 Care Activity (Baby)
CREATE TABLE IF NOT EXISTS msd405 (
  submission_id BIGINT NOT NULL,    -- submission(submission_id)
  line INTEGER NOT NULL,            -- line in the source file (header = line 1)
  invalid_items VARCHAR[] NOT NULL, -- items whose value failed its MSDS format (kept for data quality)
  CareActIDBaby VARCHAR,
  LPIDBaby VARCHAR,
  ClinInterDateBaby DATE,
  ClinInterTimeBaby TIME,
  ActivityDuration INTEGER,
  CareProfLID VARCHAR,
  TeamLocalID VARCHAR,
  NNCritIncInd VARCHAR,
  ProcedureScheme VARCHAR,
  ProcedureCode VARCHAR,
  FindingScheme VARCHAR,
  FindingCode VARCHAR,
  ObsScheme VARCHAR,
  ObsCode VARCHAR,
  ObsValue VARCHAR,
  UCUMUnit VARCHAR,
  OrgIDBloodScreeningLab VARCHAR,
  ApgarScore INTEGER
);
