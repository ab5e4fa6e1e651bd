/** One valid 学生资助台账 record's values (a real-checksum ID number of a man born 1990), as typed. */
export const SAMPLE_AID = {
  name: '李思远',
  gender: '男',
  id_number: '11010119900307803X',
  stage: '初中',
  family_type: '建档立卡',
  aid_item: '两免一补',
  amount: '1250',
  paid_on: '2019-03-20',
} as const;
