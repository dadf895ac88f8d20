package org.perinatalequity.demodata;

import java.util.Map;

/** Column positions resolved once per run, so writing a row costs no name lookups. */
final class Columns {

    final TableWriter t001;
    final int m001Lpid;
    final int m001Org;
    final int m001Dob;
    final int m001Resp;
    final int m001Nhs;
    final int m001NhsStatus;
    final int m001Postcode;
    final int m001Ethnic;

    final TableWriter t002;
    final int m002Lpid;
    final int m002Gp;
    final int m002Start;
    final int m002Org;

    final TableWriter t101;
    final int b101Preg;
    final int b101Lpid;
    final int b101Comm;
    final int b101Date;
    final int b101First;
    final int b101Edd;
    final int b101Disab;
    final int b101Site;
    final int b101EddMethod;
    final int b101Lmp;
    final int b101Complex;
    final int b101PrevCs;
    final int b101PrevLive;
    final int b101PrevStill;
    final int b101PrevLoss;
    final int b101Folic;

    final TableWriter t102;
    final int p102Preg;
    final int p102Lpid;
    final int p102Date;
    final int p102Type;
    final int p102Pcsp;
    final int p102Coc;
    final int p102Prof;
    final int p102Team;
    final int p102Site;
    final int p102Setting;

    final TableWriter t201;
    final int c201Id;
    final int c201Preg;
    final int c201Lpid;
    final int c201Date;
    final int c201Time;
    final int c201Comm;
    final int c201Duration;
    final int c201Consult;
    final int c201Medium;
    final int c201Attend;

    final TableWriter t202;
    final int a202Id;
    final int a202Con;
    final int a202Lpid;
    final int a202Team;
    final int a202Scheme;
    final int a202Finding;

    final TableWriter t301;
    final int d301Id;
    final int d301Preg;
    final int d301Lpid;
    final int d301Site;
    final int d301Setting;
    final int d301Onset;
    final int d301OnsetDate;
    final int d301OnsetTime;
    final int d301CsDate;
    final int d301CsTime;
    final int d301Admit;
    final int d301Discharge;
    final int d301Lead;

    final TableWriter t302;
    final int l302Id;
    final int l302Date;
    final int l302Lpid;
    final int l302Time;
    final int l302Critical;
    final int l302FindingScheme;
    final int l302Finding;
    final int l302ObsScheme;
    final int l302Obs;
    final int l302Value;
    final int l302Unit;

    final TableWriter t401;
    final int n401Lpid;
    final int n401Del;
    final int n401Mother;
    final int n401Org;
    final int n401Date;
    final int n401Time;
    final int n401Outcome;
    final int n401Sex;
    final int n401Ethnic;
    final int n401Nhs;
    final int n401NhsStatus;
    final int n401Fetal;
    final int n401Order;
    final int n401Death;
    final int n401Presentation;
    final int n401Gestation;
    final int n401Method;
    final int n401Water;
    final int n401Site;
    final int n401Setting;
    final int n401FeedDate;
    final int n401FeedCode;
    final int n401Skin;
    final int n401Discharge;

    final TableWriter t405;
    final int o405Id;
    final int o405Lpid;
    final int o405Date;
    final int o405Time;
    final int o405Scheme;
    final int o405Code;
    final int o405Value;
    final int o405Unit;

    Columns(Map<String, TableWriter> tables) {
        t001 = tables.get("MSD001");
        m001Lpid = t001.col("LPIDMother");
        m001Org = t001.col("OrgIDLPID");
        m001Dob = t001.col("PersonBirthDateMother");
        m001Resp = t001.col("OrgIDResidenceResp");
        m001Nhs = t001.col("NHSNumberMother");
        m001NhsStatus = t001.col("NHSNumberStatusMother");
        m001Postcode = t001.col("Postcode");
        m001Ethnic = t001.col("EthnicCategoryMother");

        t002 = tables.get("MSD002");
        m002Lpid = t002.col("LPIDMother");
        m002Gp = t002.col("OrgCodeGMPMother");
        m002Start = t002.col("StartDateGMPReg");
        m002Org = t002.col("OrgIDGPPrac");

        t101 = tables.get("MSD101");
        b101Preg = t101.col("PregnancyID");
        b101Lpid = t101.col("LPIDMother");
        b101Comm = t101.col("OrgIDComm");
        b101Date = t101.col("AntenatalAppDate");
        b101First = t101.col("PregFirstConDate");
        b101Edd = t101.col("EDDAgreed");
        b101Disab = t101.col("DisabilityIndMother");
        b101Site = t101.col("OrgSiteIDBooking");
        b101EddMethod = t101.col("EDDMethodAgreed");
        b101Lmp = t101.col("LastMenstrualPeriodDate");
        b101Complex = t101.col("ComplexSocialFactorsInd");
        b101PrevCs = t101.col("PreviousCaesareanSections");
        b101PrevLive = t101.col("PreviousLiveBirths");
        b101PrevStill = t101.col("PreviousStillBirths");
        b101PrevLoss = t101.col("PreviousLossesLessThan24Weeks");
        b101Folic = t101.col("FolicAcidSupplement");

        t102 = tables.get("MSD102");
        p102Preg = t102.col("PregnancyID");
        p102Lpid = t102.col("LPIDMother");
        p102Date = t102.col("CarePlanDate");
        p102Type = t102.col("CarePlanType");
        p102Pcsp = t102.col("MatPersCarePlanInd");
        p102Coc = t102.col("ContCarePathInd");
        p102Prof = t102.col("CareProfLID");
        p102Team = t102.col("TeamLocalID");
        p102Site = t102.col("OrgSiteIDPlannedDelivery");
        p102Setting = t102.col("PlannedDeliverySetting");

        t201 = tables.get("MSD201");
        c201Id = t201.col("CareConID");
        c201Preg = t201.col("PregnancyID");
        c201Lpid = t201.col("LPIDMother");
        c201Date = t201.col("CContactDate");
        c201Time = t201.col("CContactTime");
        c201Comm = t201.col("OrgIDComm");
        c201Duration = t201.col("ContactDuration");
        c201Consult = t201.col("ConsultType");
        c201Medium = t201.col("Medium");
        c201Attend = t201.col("AttendCode");

        t202 = tables.get("MSD202");
        a202Id = t202.col("CareActIDMother");
        a202Con = t202.col("CareConID");
        a202Lpid = t202.col("LPIDMother");
        a202Team = t202.col("TeamLocalID");
        a202Scheme = t202.col("FindingScheme");
        a202Finding = t202.col("FindingCode");

        t301 = tables.get("MSD301");
        d301Id = t301.col("LabourDeliveryID");
        d301Preg = t301.col("PregnancyID");
        d301Lpid = t301.col("LPIDMother");
        d301Site = t301.col("OrgSiteIDIntra");
        d301Setting = t301.col("SettingIntraCare");
        d301Onset = t301.col("LabourOnsetMethod");
        d301OnsetDate = t301.col("LabourOnsetDate");
        d301OnsetTime = t301.col("LabourOnsetTime");
        d301CsDate = t301.col("CaesareanDate");
        d301CsTime = t301.col("CaesareanTime");
        d301Admit = t301.col("StartDateMotherDeliveryHospProvSpell");
        d301Discharge = t301.col("DischargeDateMotherHosp");
        d301Lead = t301.col("OrgIDPostnatalPathLeadProvider");

        t302 = tables.get("MSD302");
        l302Id = t302.col("LabourDeliveryID");
        l302Date = t302.col("ClinInterDateMother");
        l302Lpid = t302.col("LPIDMother");
        l302Time = t302.col("ClinInterTimeMother");
        l302Critical = t302.col("MatCritInd");
        l302FindingScheme = t302.col("FindingScheme");
        l302Finding = t302.col("FindingCode");
        l302ObsScheme = t302.col("ObsScheme");
        l302Obs = t302.col("ObsCode");
        l302Value = t302.col("ObsValue");
        l302Unit = t302.col("UCUMUnit");

        t401 = tables.get("MSD401");
        n401Lpid = t401.col("LPIDBaby");
        n401Del = t401.col("LabourDeliveryID");
        n401Mother = t401.col("LPIDMother");
        n401Org = t401.col("OrgIDLocalPatientIdBaby");
        n401Date = t401.col("PersonBirthDateBaby");
        n401Time = t401.col("PersonBirthTimeBaby");
        n401Outcome = t401.col("PregOutcome");
        n401Sex = t401.col("PersonPhenSex");
        n401Ethnic = t401.col("EthnicCategoryBaby");
        n401Nhs = t401.col("NHSNumberBaby");
        n401NhsStatus = t401.col("NHSNumberStatusBaby");
        n401Fetal = t401.col("LocalFetalID");
        n401Order = t401.col("BirthOrderMaternitySUS");
        n401Death = t401.col("PersonDeathDateBaby");
        n401Presentation = t401.col("FetusPresentation");
        n401Gestation = t401.col("GestationLengthBirth");
        n401Method = t401.col("DeliveryMethodCode");
        n401Water = t401.col("WaterDeliveryInd");
        n401Site = t401.col("OrgSiteIDActualDelivery");
        n401Setting = t401.col("SettingPlaceBirth");
        n401FeedDate = t401.col("BabyFirstFeedDate");
        n401FeedCode = t401.col("BabyFirstFeedIndCode");
        n401Skin = t401.col("SkinToSkinContact1HourInd");
        n401Discharge = t401.col("DischargeDateBabyHosp");

        t405 = tables.get("MSD405");
        o405Id = t405.col("CareActIDBaby");
        o405Lpid = t405.col("LPIDBaby");
        o405Date = t405.col("ClinInterDateBaby");
        o405Time = t405.col("ClinInterTimeBaby");
        o405Scheme = t405.col("ObsScheme");
        o405Code = t405.col("ObsCode");
        o405Value = t405.col("ObsValue");
        o405Unit = t405.col("UCUMUnit");
    }
}
